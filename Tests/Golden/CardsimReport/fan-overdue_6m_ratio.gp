# cardsim chart fan-overdue_6m_ratio: gnuplot 5 script with its data inline; gnuplot < fan-overdue_6m_ratio.gp > fan-overdue_6m_ratio.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title '6-month overdue ratio (PBOC)'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel '%'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 0 0 0 0 0
2 0 0 0 0 0
3 0 0 0 0 0
4 0 0 0 0 0
5 0 0 0 0 0
6 0 0 0 0 0
EOD
$s1 << EOD
1 0 0 0 0 0
2 0 0 0 0 0
3 0 0 0 0 0
4 0 0 0 0 0
5 0 0 0 0 0
6 0 0 0 0 0
EOD
$s2 << EOD
1 0 0 0 0 0
2 0 0 0 0 0
3 0 0 0 0 0
4 0 0 0 0 0
5 0 0 0 0 0
6 0 0 0 0 0
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
