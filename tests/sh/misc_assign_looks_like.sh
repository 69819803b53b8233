a=b=c; echo $a
