false; echo $?; true; echo $?
