a=2 b=3; echo $(( a*b + a ))
