$(true); echo $?
