touch z1 z2; v='z*'; echo "$v" $v
