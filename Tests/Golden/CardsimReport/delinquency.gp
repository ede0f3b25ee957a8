# cardsim chart delinquency: gnuplot 5 script with its data inline; gnuplot < delinquency.gp > delinquency.png
set encoding utf8
set terminal pngcairo size 960,770 noenhanced font "WenQuanYi Micro Hei,Noto Sans CJK SC,sans-serif,11" background rgb "white"
set border 3 lw 1 lc rgb "#444444"
set tics nomirror out
set grid ytics lw 1 lc rgb "#E0E0E0"
set key noautotitle
set datafile missing "NaN"
set multiplot layout 2,2 title 'Past-due receivables by delinquency bucket'."\n".'share of receivables at month end, mean over 3 paths; current balances not shown'
set xlabel "month"
set ylabel "% of receivables"
set xrange [1:6]
set yrange [0:*]
set key outside right top vertical
set rmargin 17
set title 'champion'
$b0 << EOD
1 0.2997004991 0.4495507487 0.5294708817 0.5794209649 0.6103893512 0.6303693844
2 0.3090729865 0.4586244315 0.5383852022 0.5882356839 0.6191423199 0.6390825126
3 0.3184081704 0.4676620002 0.5472640428 0.5970153194 0.6278604509 0.6477609615
4 0.327706273 0.4766636699 0.5561076149 0.6057600805 0.6365439517 0.656404938
5 0.336967515 0.485629654 0.5649161281 0.6144701744 0.6451930283 0.6650146468
6 0.346192115 0.4945601643 0.5736897906 0.623145807 0.653807885 0.6735902916
EOD
plot $b0 using 1:6:7 with filledcurves fs solid 0.9 noborder lc rgb "#8C2D04" title '150-179 days', \
     $b0 using 1:5:6 with filledcurves fs solid 0.9 noborder lc rgb "#CC4C02" title '120-149 days', \
     $b0 using 1:4:5 with filledcurves fs solid 0.9 noborder lc rgb "#EC7014" title '90-119 days', \
     $b0 using 1:3:4 with filledcurves fs solid 0.9 noborder lc rgb "#FE9929" title '60-89 days', \
     $b0 using 1:2:3 with filledcurves fs solid 0.9 noborder lc rgb "#FEC44F" title '30-59 days', \
     $b0 using 1:(0):2 with filledcurves fs solid 0.9 noborder lc rgb "#FEE391" title '1-29 days'
set title '免年费 "cut"'
$b1 << EOD
1 0.298210932 0.4522865802 0.5318094955 0.5815113175 0.6123257884 0.6322065172
2 0.3075398843 0.4613098265 0.5406749579 0.5902781651 0.6210314974 0.6408727802
3 0.3168318902 0.4702973371 0.5495053096 0.5990102925 0.6297027283 0.6495047214
4 0.3260871688 0.4792493238 0.5583007587 0.6077079055 0.6383396855 0.6581025442
5 0.3353059373 0.488165997 0.5670615117 0.6163712083 0.6469425719 0.6666664505
6 0.3444884115 0.4970475651 0.5757877734 0.6250004036 0.6555115885 0.6751966406
EOD
plot $b1 using 1:6:7 with filledcurves fs solid 0.9 noborder lc rgb "#8C2D04", \
     $b1 using 1:5:6 with filledcurves fs solid 0.9 noborder lc rgb "#CC4C02", \
     $b1 using 1:4:5 with filledcurves fs solid 0.9 noborder lc rgb "#EC7014", \
     $b1 using 1:3:4 with filledcurves fs solid 0.9 noborder lc rgb "#FE9929", \
     $b1 using 1:2:3 with filledcurves fs solid 0.9 noborder lc rgb "#FEC44F", \
     $b1 using 1:(0):2 with filledcurves fs solid 0.9 noborder lc rgb "#FEE391"
set title 'second'
$b2 << EOD
1 0.2967360986 0.4549953512 0.5341249775 0.5835809939 0.6142430718 0.6340254784
2 0.3060219165 0.4639687121 0.5429421099 0.5923004835 0.6229020255 0.6426453749
3 0.31527114 0.47290671 0.551724495 0.6009856106 0.6315268552 0.6512313014
4 0.324483985 0.4818095534 0.5604723377 0.6096365778 0.6401177621 0.6597834582
5 0.3336606656 0.4906774495 0.5691858414 0.6182535863 0.6486749462 0.6683020442
6 0.3428013945 0.4995106035 0.577865208 0.6268368357 0.6571986055 0.6767872566
EOD
plot $b2 using 1:6:7 with filledcurves fs solid 0.9 noborder lc rgb "#8C2D04", \
     $b2 using 1:5:6 with filledcurves fs solid 0.9 noborder lc rgb "#CC4C02", \
     $b2 using 1:4:5 with filledcurves fs solid 0.9 noborder lc rgb "#EC7014", \
     $b2 using 1:3:4 with filledcurves fs solid 0.9 noborder lc rgb "#FE9929", \
     $b2 using 1:2:3 with filledcurves fs solid 0.9 noborder lc rgb "#FEC44F", \
     $b2 using 1:(0):2 with filledcurves fs solid 0.9 noborder lc rgb "#FEE391"
unset multiplot
