for i in 1 2; do (exit $i); echo $?; done
