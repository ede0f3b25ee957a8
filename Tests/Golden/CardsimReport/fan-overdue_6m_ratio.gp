# cardsim chart fan-overdue_6m_ratio: gnuplot 5 script with its data inline; gnuplot < fan-overdue_6m_ratio.gp > fan-overdue_6m_ratio.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title '6-month overdue ratio'."\n".'golden: 手工 "run" \ <b>: median, 50% and 90% of 3 paths'
set xlabel "month"
set ylabel '%'
set xrange [1:6]
set key outside bottom center horizontal height 0.5
$s0 << EOD
1 0.05009490509 0.05047452547 0.05094905095 0.05142262927 0.05180149192
2 0.09998985081 0.1007476572 0.1016949153 0.1026402863 0.1033965832
3 0.149686032 0.1508205982 0.152238806 0.1536541942 0.1547865049
4 0.199184634 0.2006945418 0.2025819265 0.2044655664 0.2059724784
5 0.2484868328 0.2503706719 0.2527254708 0.2550756067 0.2569557154
6 0.297593795 0.2998501631 0.3026706231 0.3054855092 0.307737418
EOD
$s1 << EOD
1 0.04984570191 0.05022353442 0.05069582505 0.05116717767 0.05154425976
2 0.09949342696 0.1002476711 0.1011904762 0.1021314125 0.1028841616
3 0.1489443523 0.1500735951 0.1514851485 0.1528939096 0.1540209184
4 0.1981996458 0.1997024822 0.2015810277 0.2034558643 0.2049557336
5 0.247260466 0.2491354989 0.2514792899 0.2538184627 0.2556898009
6 0.2961279625 0.2983738024 0.3011811024 0.3039828816 0.3062243049
EOD
$s2 << EOD
1 0.04959896583 0.04997502718 0.05044510386 0.05091425153 0.05128956967
2 0.099001908 0.09975262302 0.1006910168 0.1016275597 0.102376794
3 0.1482099863 0.1493339552 0.1507389163 0.1521411117 0.153262868
4 0.1972243514 0.1987201821 0.2005899705 0.2024560854 0.2039489774
5 0.2460461449 0.2479124532 0.2502453386 0.2525736497 0.2544362986
6 0.2946764994 0.2969119087 0.2997061704 0.3024949639 0.3047259986
EOD
plot $s0 using 1:2:6 with filledcurves fs transparent solid 0.12 noborder lc rgb "#0072B2", \
     $s0 using 1:3:5 with filledcurves fs transparent solid 0.28 noborder lc rgb "#0072B2", \
     $s1 using 1:2:6 with filledcurves fs transparent solid 0.12 noborder lc rgb "#D55E00", \
     $s1 using 1:3:5 with filledcurves fs transparent solid 0.28 noborder lc rgb "#D55E00", \
     $s2 using 1:2:6 with filledcurves fs transparent solid 0.12 noborder lc rgb "#009E73", \
     $s2 using 1:3:5 with filledcurves fs transparent solid 0.28 noborder lc rgb "#009E73", \
     $s0 using 1:4 with lines lw 2.5 lc rgb "#0072B2" title 'champion', \
     $s1 using 1:4 with lines lw 2.5 lc rgb "#D55E00" title '免年费 "cut"', \
     $s2 using 1:4 with lines lw 2.5 lc rgb "#009E73" title 'second', \
     keyentry with filledcurves fs transparent solid 0.45 noborder lc rgb "#888888" title "50% of paths", \
     keyentry with filledcurves fs transparent solid 0.2 noborder lc rgb "#888888" title "90% of paths"
