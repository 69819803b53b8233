unset n; echo $(( ${n:=4} * 2 )) $n
