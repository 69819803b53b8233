i=0; while [ $i -lt 5 ] && [ $i -ne 3 ]; do i=$((i+1)); done; echo $i
