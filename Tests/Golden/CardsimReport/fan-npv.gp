# cardsim chart fan-npv: gnuplot 5 script with its data inline; gnuplot < fan-npv.gp > fan-npv.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'NPV per month'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel 'yuan per month'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 4977.971581 5017.715865 5067.39622 5117.076575 5156.820859
2 5143.598931 5183.089134 5232.451888 5281.814641 5321.304844
3 5306.905158 5346.142904 5395.190087 5444.237269 5483.475015
4 5467.91317 5506.900074 5555.633703 5604.367332 5643.354235
5 5626.645679 5665.383343 5713.805422 5762.227502 5800.965166
6 5783.125196 5821.615214 5869.727737 5917.840259 5956.330277
EOD
$s1 << EOD
1 2285.296335 2285.296335 2285.296335 2285.296335 2285.296335
2 2468.137683 2468.137683 2468.137683 2468.137683 2468.137683
3 2648.547861 2648.547861 2648.547861 2648.547861 2648.547861
4 2826.55048 2826.55048 2826.55048 2826.55048 2826.55048
5 3002.168951 3002.168951 3002.168951 3002.168951 3002.168951
6 3175.426481 3175.426481 3175.426481 3175.426481 3175.426481
EOD
$s2 << EOD
1 5574.135842 5613.880126 5663.560481 5713.240836 5752.985121
2 5735.951975 5775.442178 5824.804931 5874.167685 5913.657888
3 5895.471349 5934.709095 5983.756278 6032.803461 6072.041207
4 6052.716718 6091.703621 6140.43725 6189.170879 6228.157782
5 6207.710637 6246.448301 6294.870381 6343.29246 6382.030124
6 6360.475466 6398.965484 6447.078006 6495.190528 6533.680546
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
