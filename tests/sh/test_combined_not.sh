[ ! 1 -eq 2 ] && echo ok
