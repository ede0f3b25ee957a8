# cardsim chart funnel: gnuplot 5 script with its data inline; gnuplot < funnel.gp > funnel.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set multiplot layout 1,2 title 'Acquisition and activation funnel'."\n".'whole region over 6 months, mean over 3 paths'
set style fill solid 0.85 noborder
set yrange [0:*]
set offsets 0, 0, graph 0.3, 0
set key outside bottom center horizontal
set title "Funnel"
set ylabel 'thousands'
set xrange [-0.6:2.6]
set xtics ("applications" 0, "new accounts" 1, "first swipes" 2)
$f << EOD
-0.2666666667 26.1 0.1333333333 29362
0.7333333333 12.6 0.1333333333 29362
1.733333333 9.3 0.1333333333 29362
0 27.3 0.1333333333 13983232
1 13.2 0.1333333333 13983232
2 9.9 0.1333333333 13983232
0.2666666667 28.5 0.1333333333 40563
1.266666667 13.8 0.1333333333 40563
2.266666667 10.5 0.1333333333 40563
EOD
$fl << EOD
-0.2666666667 26.1 "26.1K"
0.7333333333 12.6 "12.6K (48%)"
1.733333333 9.3 "9.30K (36%)"
0 27.3 "27.3K"
1 13.2 "13.2K (48%)"
2 9.9 "9.90K (36%)"
0.2666666667 28.5 "28.5K"
1.266666667 13.8 "13.8K (48%)"
2.266666667 10.5 "10.5K (37%)"
EOD
plot $f using 1:($2/2):3:($2/2):4 with boxxyerror lc rgb variable, \
     $fl using 1:2:3 with labels rotate by 90 left offset 0,0.5 font ",9", \
     keyentry with boxes lc rgb "#0072B2" title 'champion', \
     keyentry with boxes lc rgb "#D55E00" title '免年费 "cut"', \
     keyentry with boxes lc rgb "#009E73" title 'second'
set title "Applications by channel"
set xrange [-0.6:3.6]
set xtics ('branch' 0, 'online' 1, 'field' 2, 'payroll' 3)
$c << EOD
-0.2666666667 12.9 0.1333333333 29362
0.7333333333 13.2 0.1333333333 29362
1.733333333 0 0.1333333333 29362
2.733333333 0 0.1333333333 29362
0 13.5 0.1333333333 13983232
1 13.8 0.1333333333 13983232
2 0 0.1333333333 13983232
3 0 0.1333333333 13983232
0.2666666667 14.1 0.1333333333 40563
1.266666667 14.4 0.1333333333 40563
2.266666667 0 0.1333333333 40563
3.266666667 0 0.1333333333 40563
EOD
plot $c using 1:($2/2):3:($2/2):4 with boxxyerror lc rgb variable
unset multiplot
