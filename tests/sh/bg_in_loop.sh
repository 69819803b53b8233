for i in 1 2 3; do (echo $i > f$i) & done; wait; cat f1 f2 f3
