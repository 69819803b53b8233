a=1 b=2; echo "$a$b" $a$b ${a}x${b}
