read x < /dev/null; echo $?
