# cardsim chart fan-charge_off_rate: gnuplot 5 script with its data inline; gnuplot < fan-charge_off_rate.gp > fan-charge_off_rate.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Charge-off rate'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel '% a year'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 0.604159351 0.6087364534 0.6144578313 0.6201677321 0.6247356527
2 0.6029475199 0.6075159346 0.6132264529 0.6189255388 0.6234848075
3 0.6017405405 0.6063003003 0.612 0.6176883117 0.622238961
4 0.6005383838 0.6050895213 0.6107784431 0.6164560212 0.6209980836
5 0.5993410208 0.6038835684 0.609561753 0.6152286377 0.6197621454
6 0.5981484229 0.602682413 0.6083499006 0.614006132 0.6185311172
EOD
$s1 << EOD
1 0.6011388611 0.6056943057 0.6113886114 0.6170715512 0.6216179031
2 0.5999391048 0.6044859434 0.6101694915 0.6158417179 0.620379499
3 0.598744128 0.6032823928 0.6089552239 0.614616777 0.6191460194
4 0.597553902 0.6020836254 0.6077457795 0.6133966993 0.6179174351
5 0.5963683987 0.6008896125 0.6065411298 0.612181456 0.6166937169
6 0.59518759 0.5997003261 0.6053412463 0.6109710184 0.6154748361
EOD
$s2 << EOD
1 0.5981484229 0.602682413 0.6083499006 0.614006132 0.6185311172
2 0.5969605618 0.6014860264 0.6071428571 0.6127884752 0.6173049696
3 0.5957774093 0.6002943803 0.6059405941 0.6115756383 0.6160836736
4 0.5945989374 0.5991074465 0.604743083 0.6103675928 0.6148672007
5 0.5934251184 0.5979251973 0.6035502959 0.6091643105 0.6136555222
6 0.5922559249 0.5967476048 0.6023622047 0.6079657631 0.6124486099
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
