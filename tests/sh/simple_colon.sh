: ignored args; echo $?
