true | true | true | false; echo $?
