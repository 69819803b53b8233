f() { export FV=fromfunc; }; f; sh -c 'echo $FV'
