# cardsim chart fan-net_income: gnuplot 5 script with its data inline; gnuplot < fan-net_income.gp > fan-net_income.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Net income per month'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel 'yuan per month'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 5010 5050 5100 5150 5190
2 5210 5250 5300 5350 5390
3 5410 5450 5500 5550 5590
4 5610 5650 5700 5750 5790
5 5810 5850 5900 5950 5990
6 6010 6050 6100 6150 6190
EOD
$s1 << EOD
1 2300 2300 2300 2300 2300
2 2500 2500 2500 2500 2500
3 2700 2700 2700 2700 2700
4 2900 2900 2900 2900 2900
5 3100 3100 3100 3100 3100
6 3300 3300 3300 3300 3300
EOD
$s2 << EOD
1 5610 5650 5700 5750 5790
2 5810 5850 5900 5950 5990
3 6010 6050 6100 6150 6190
4 6210 6250 6300 6350 6390
5 6410 6450 6500 6550 6590
6 6610 6650 6700 6750 6790
EOD
plot $s0 using 1:2:6 with filledcurves fs transparent solid 0.07 noborder lc rgb "#0072B2", \
     $s0 using 1:3:5 with filledcurves fs transparent solid 0.16 noborder lc rgb "#0072B2", \
     $s1 using 1:2:6 with filledcurves fs transparent solid 0.07 noborder lc rgb "#D55E00", \
     $s1 using 1:3:5 with filledcurves fs transparent solid 0.16 noborder lc rgb "#D55E00", \
     $s2 using 1:2:6 with filledcurves fs transparent solid 0.07 noborder lc rgb "#009E73", \
     $s2 using 1:3:5 with filledcurves fs transparent solid 0.16 noborder lc rgb "#009E73", \
     $s0 every 1::0 using 1:4 with points pt 5 ps 1.1 lc rgb "#0072B2" notitle, \
     $s0 using 1:4 with lines lw 2.5 dt 1 lc rgb "#0072B2" title 'champion', \
     $s1 every 1::0 using 1:4 with points pt 7 ps 1.1 lc rgb "#D55E00" notitle, \
     $s1 using 1:4 with lines lw 2.5 dt 2 lc rgb "#D55E00" title '免年费 "cut"', \
     $s2 every 1::0 using 1:4 with points pt 9 ps 1.1 lc rgb "#009E73" notitle, \
     $s2 using 1:4 with lines lw 2.5 dt 3 lc rgb "#009E73" title 'second', \
     keyentry with filledcurves fs transparent solid 0.45 noborder lc rgb "#888888" title "50% of paths", \
     keyentry with filledcurves fs transparent solid 0.2 noborder lc rgb "#888888" title "90% of paths"
