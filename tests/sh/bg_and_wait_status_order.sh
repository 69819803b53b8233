(sleep 0.2; exit 2) & p1=$!; (exit 3) & p2=$!; wait $p1; echo $?; wait $p2; echo $?
