(exit 5); echo $?
