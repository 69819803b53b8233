alias z='echo z'
unalias z
z 2>/dev/null; echo $?
