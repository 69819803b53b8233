a=0 b=1; for i in 1 2 3 4 5 6 7 8 9 10; do t=$((a + b)); a=$b; b=$t; done; echo $a
