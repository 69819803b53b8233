# The kill utility (/bin/kill, not the shell's builtin) with Verdigris's
# numbers: the real-time signals are 32 (RTMIN) to 63 (RTMAX), named
# RTMIN+n up to 47 and RTMAX-n from 48. The builtin lists the same.
/bin/kill -l 32 33 47 48 62 63 162 191
/bin/kill -l RTMIN RTMIN+15 RTMAX-15 rtmax
/bin/kill -l | tail -n 2
[ "$(kill -l)" = "$(/bin/kill -l)" ] && echo builtin lists the same
[ "$(kill -l 32 162 RTMAX-1)" = "$(/bin/kill -l 32 162 RTMAX-1)" ] && echo and names the same
sleep 5 & p=$!; /bin/kill -s RTMIN+2 $p; wait $p; echo "-s RTMIN+2: $?"
sleep 5 & p=$!; /bin/kill -RTMAX-1 $p; wait $p; echo "-RTMAX-1: $?"
sleep 5 & p=$!; /bin/kill -SIGRTMIN $p; wait $p; echo "-SIGRTMIN: $?"
/bin/kill -l 64 2>/dev/null; echo "64: $?"
/bin/kill -s RTMIN+32 1 2>/dev/null; echo "RTMIN+32: $?"
