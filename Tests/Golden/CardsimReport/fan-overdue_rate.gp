# cardsim chart fan-overdue_rate: gnuplot 5 script with its data inline; gnuplot < fan-overdue_rate.gp > fan-overdue_rate.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Overdue rate (30+ days)'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel '%'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 0.3300669331 0.3303346653 0.3306693307 0.331003328 0.3312705259
2 0.3294081826 0.3296756437 0.3300099701 0.3303436305 0.3306105588
3 0.3287520565 0.3290192464 0.3293532338 0.3296865573 0.329953216
4 0.3280985389 0.3283654577 0.3286991063 0.3290320928 0.3292984821
5 0.3274476143 0.3277142621 0.3280475719 0.3283802216 0.3286463413
6 0.3267992675 0.3270656442 0.3273986152 0.3277309282 0.3279967785
EOD
$s1 << EOD
1 0.3333996024 0.3336646786 0.3339960239 0.334326711 0.3345912608
2 0.3327375041 0.3330023171 0.3333333333 0.3336636934 0.3339279815
3 0.3320780304 0.3323425801 0.3326732673 0.3330033003 0.3332673267
4 0.3314211656 0.3316854521 0.3320158103 0.3323455162 0.3326092809
5 0.3307668943 0.3310309176 0.3313609467 0.3316903256 0.3319538287
6 0.3301152011 0.3303789613 0.3307086614 0.3310377132 0.3313009546
EOD
$s2 << EOD
1 0.3366992782 0.3369617377 0.3372898121 0.337617238 0.3378791788
2 0.3360339304 0.3362961344 0.3366238894 0.336950998 0.3372126848
3 0.335371207 0.3356331555 0.3359605911 0.3362873822 0.336548815
4 0.3347110925 0.3349727855 0.3352999017 0.3356263752 0.335887554
5 0.3340535715 0.3343150089 0.3346418057 0.3349679617 0.3352288865
6 0.3333986288 0.3336598106 0.333986288 0.3343121264 0.3345727971
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
