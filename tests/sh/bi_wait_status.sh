(exit 7) & p=$!; wait $p; echo $?
