# cardsim chart fan-active_rate: gnuplot 5 script with its data inline; gnuplot < fan-active_rate.gp > fan-active_rate.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Active-card rate'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel '%'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 59.81362842 59.85245583 59.9009901 59.95049505 59.99009901
2 59.81453803 59.85317794 59.90147783 59.95073892 59.99014778
3 59.8154388 59.85389301 59.90196078 59.95098039 59.99019608
4 59.81633086 59.85460115 59.90243902 59.95121951 59.9902439
5 59.81721434 59.85530246 59.90291262 59.95145631 59.99029126
6 59.81808936 59.85599704 59.90338164 59.95169082 59.99033816
EOD
$s1 << EOD
1 58.88688062 58.92038441 58.96226415 59.0049416 59.03908356
2 58.89206245 58.92542854 58.96713615 59.00963443 59.04363305
3 58.89719626 58.93042575 58.97196262 59.0142832 59.04813966
4 58.90228271 58.9353767 58.97674419 59.01888852 59.052604
5 58.90732246 58.94028203 58.98148148 59.02345102 59.05702665
6 58.91231614 58.94514235 58.98617512 59.02797128 59.06140821
EOD
$s2 << EOD
1 58.04295367 58.0719112 58.10810811 58.14496314 58.17444717
2 58.05165919 58.08051819 58.11659193 58.15331859 58.18269992
3 58.06028761 58.08904867 58.125 58.1615991 58.19087838
4 58.06883994 58.09750367 58.13333333 58.16980568 58.19898356
5 58.07731719 58.10588418 58.14159292 58.17793932 58.20701643
6 58.08572033 58.11419118 58.14977974 58.18600098 58.21497797
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
