# cardsim chart waterfall-2: gnuplot 5 script with its data inline; gnuplot < waterfall-2.gp > waterfall-2.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Where the NPV difference comes from: second vs champion'."\n".'mean paired difference by P&L line over 3 paths; whiskers: 95% confidence interval'
set ylabel 'thousand yuan'
set xrange [0.3:5.7]
set xtics ('interest' 1, 'installment fees' 2, 'rewards' 3, 'acquisition cost' 4, 'NPV difference' 5) rotate by -35
set offsets 0, 0, graph 0.08, graph 0.08
set key outside bottom center horizontal
$w << EOD
1 0 11.7343409 40563 11.7343409 11.7343409
2 11.7343409 12.907775 40563 12.907775 12.907775
3 12.907775 9.387472724 13983232 9.387472724 9.387472724
4 9.387472724 3.520302271 13983232 3.520302271 3.520302271
5 0 3.520302271 29362 3.520302271 3.520302271
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $w using 1:(($2+$3)/2):($1-0.35):($1+0.35):2:3:4 with boxxyerror fs solid 0.85 noborder lc rgb variable, \
     $w using 1:5:(0):($6-$5) with vectors heads size screen 0.006,90 lw 1.5 lc rgb "#333333", \
     keyentry with boxes fs solid 0.85 lc rgb "#009E73" title "raises the challenger's NPV", \
     keyentry with boxes fs solid 0.85 lc rgb "#D55E00" title "lowers it", \
     keyentry with boxes fs solid 0.85 lc rgb "#0072B2" title "total difference"
