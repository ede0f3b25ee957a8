# cardsim chart vintages: gnuplot 5 script with its data inline; gnuplot < vintages.gp > vintages.png
set encoding utf8
set terminal pngcairo size 960,600 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set title 'Vintage curves: accounts ever 90+ days past due'."\n".'champion, by year of acquisition, mean over 3 paths'
set xlabel "months on book"
set ylabel "% of the vintage's accounts"
set xrange [0:3]
set yrange [0:*]
set key inside left top vertical
$y0 << EOD
0 2.585057671
1 5.481883068
2 8.378708465
3 11.27553386
EOD
plot $y0 using 1:2 with lines lw 2.5 lc rgb "#0072B2" title 'year 1 (months 1-6)'
