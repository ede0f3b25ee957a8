# cardsim chart waterfall-1: gnuplot 5 script with its data inline; gnuplot < waterfall-1.gp > waterfall-1.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Where the NPV difference comes from: 免年费 "cut" vs champion'."\n".'mean paired difference by P&L line over 3 paths; whiskers: 95% confidence interval'
set ylabel 'thousand yuan'
set xrange [0.3:6.7]
set xtics ('interest' 1, 'installment fees' 2, 'annual fees' 3, 'rewards' 4, 'acquisition cost' 5, 'NPV difference' 6) rotate by -35
set offsets 0, 0, graph 0.08, graph 0.08
set key outside bottom center horizontal
$w << EOD
1 0 5.867170452 40563 5.867170452 5.867170452
2 5.867170452 6.453887498 40563 6.453887498 6.453887498
3 6.453887498 -11.7343409 13983232 -13.19182693 -10.27685487
4 -11.7343409 -13.49449204 13983232 -13.49449204 -13.49449204
5 -13.49449204 -16.42807727 13983232 -16.42807727 -16.42807727
6 0 -16.42807727 29362 -17.8855633 -14.97059124
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $w using 1:(($2+$3)/2):($1-0.35):($1+0.35):2:3:4 with boxxyerror fs solid 0.85 noborder lc rgb variable, \
     $w using 1:5:(0):($6-$5) with vectors heads size screen 0.006,90 lw 1.5 lc rgb "#333333", \
     keyentry with boxes fs solid 0.85 lc rgb "#009E73" title "raises the challenger's NPV", \
     keyentry with boxes fs solid 0.85 lc rgb "#D55E00" title "lowers it", \
     keyentry with boxes fs solid 0.85 lc rgb "#0072B2" title "total difference"
