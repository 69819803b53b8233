export X=exported; sh -c 'echo $X'
