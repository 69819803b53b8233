i=0; until [ $i = 2 ]; do i=$((i+1)); done; echo $? $i
