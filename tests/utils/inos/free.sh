# Total is used plus free, free is above zero, the units agree.
set -- $(free -b | tail -n 1)
[ "$1" = Mem: ] && [ "$4" -gt 0 ] && [ "$2" -gt "$4" ] && echo sane
[ $(($3 + $4)) -eq "$2" ] && echo adds-up
set -- $(free -m | tail -n 1)
[ "$2" -gt 200 ] && [ "$2" -le 512 ] && echo mib
free | head -n 1 | tr -s ' '
free -x 2>/dev/null; echo "bad option $?"
free extra 2>&1; echo "operand $?"
