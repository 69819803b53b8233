x=$(false); echo $?
