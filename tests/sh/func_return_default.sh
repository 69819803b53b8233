f() { false; return; }; f; echo $?
