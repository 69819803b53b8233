false; f() { :; }; echo $?
