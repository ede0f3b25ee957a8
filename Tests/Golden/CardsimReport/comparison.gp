# cardsim chart comparison: gnuplot 5 script with its data inline; gnuplot < comparison.gp > comparison.png
set encoding utf8
set terminal pngcairo size 960,1360 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set multiplot layout 5,2 title 'Difference from the champion, champion'."\n".'challenger - champion, mean and 95% confidence interval over 3 paired paths'
set xrange [0.5:2.5]
set xtics ('免年费 "cut"' 1, 'second' 2)
set offsets 0, 0, graph 0.1, graph 0.1
set title 'Cards in force'
set ylabel 'thousand cards'
$k0 << EOD
1 5 5 5 13983232
2 10 10 10 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k0 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'New accounts'
set ylabel 'accounts'
$k1 << EOD
1 600 600 600 13983232
2 1200 1200 1200 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k1 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'Active-card rate'
set ylabel 'pp'
$k2 << EOD
1 -0.9173139789 -0.9492728846 -0.8853550731 13983232
2 -1.753796502 -1.813129075 -1.694463928 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k2 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'Long-dormant share'
set ylabel 'pp'
$k3 << EOD
1 0 0 0 13983232
2 0 0 0 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k3 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'Overdue rate (30+ days)'
set ylabel 'pp'
$k4 << EOD
1 0.00331005263 0.003293826325 0.003326278935 13983232
2 0.006587685485 0.006555470679 0.006619900291 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k4 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title '6-month overdue ratio (PBOC)'
set ylabel 'pp'
$k5 << EOD
1 0 0 0 13983232
2 0 0 0 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k5 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'Charge-off rate'
set ylabel 'pp a year'
$k6 << EOD
1 -0.00303863766 -0.003171604879 -0.002905670442 13983232
2 -0.006047219887 -0.006311912966 -0.005782526808 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k6 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'Bad-debt rate'
set ylabel 'pp a year'
$k7 << EOD
1 -0.00303863766 -0.003171604879 -0.002905670442 13983232
2 -0.006047219887 -0.006311912966 -0.005782526808 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k7 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'Net income'
set ylabel 'thousand yuan'
$k8 << EOD
1 -16.8 -18.29048272 -15.30951728 13983232
2 3.6 3.6 3.6 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k8 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
set title 'NPV'
set ylabel 'thousand yuan'
$k9 << EOD
1 -16.42807727 -17.8855633 -14.97059124 13983232
2 3.520302271 3.520302271 3.520302271 40563
EOD
plot 0 with lines dt 2 lw 1 lc rgb "#777777", \
     $k9 using 1:2:3:4:5 with yerrorbars pt 7 ps 1.3 lw 2 lc rgb variable
unset multiplot
