test -n; echo $?
