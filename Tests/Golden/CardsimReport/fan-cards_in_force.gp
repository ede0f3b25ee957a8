# cardsim chart fan-cards_in_force: gnuplot 5 script with its data inline; gnuplot < fan-cards_in_force.gp > fan-cards_in_force.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Cards in force'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel 'thousand cards'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 100.1 100.5 101 101.5 101.9
2 100.6 101 101.5 102 102.4
3 101.1 101.5 102 102.5 102.9
4 101.6 102 102.5 103 103.4
5 102.1 102.5 103 103.5 103.9
6 102.6 103 103.5 104 104.4
EOD
$s1 << EOD
1 105.1 105.5 106 106.5 106.9
2 105.6 106 106.5 107 107.4
3 106.1 106.5 107 107.5 107.9
4 106.6 107 107.5 108 108.4
5 107.1 107.5 108 108.5 108.9
6 107.6 108 108.5 109 109.4
EOD
$s2 << EOD
1 110.1 110.5 111 111.5 111.9
2 110.6 111 111.5 112 112.4
3 111.1 111.5 112 112.5 112.9
4 111.6 112 112.5 113 113.4
5 112.1 112.5 113 113.5 113.9
6 112.6 113 113.5 114 114.4
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
