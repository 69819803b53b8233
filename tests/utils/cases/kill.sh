# SPDX-License-Identifier: BSD-2-Clause
t list_status -o 'KILL\n' -x -- kill -l 137
t list_number -o 'TERM\n' -x -- kill -l 15
t list_name -o '9\n' -x -- kill -l KILL
# 16 names to a line; the real-time ones (RTMIN at 32 here, 34 on the host)
# after SYS.
t list_all -o 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT\nCHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO PWR SYS RTMIN\n' -u kill -- sh -c '"$BIN/kill" -l | head -n 2'
t list_rt -o 'RTMIN+2\nRTMIN+2\nRTMAX-1\n' -u kill -- sh -c 'n=$("$BIN/kill" -l RTMIN+2); "$BIN/kill" -l $n $((n + 128)) $(( $("$BIN/kill" -l rtmax) - 1 ))'
t list_any_case -o '15\n15\n' -x -- kill -l sigterm Term
t list_bad -s 1 -o 'INT\n' -e "0: invalid signal" -x -- kill -l 0 130
t list_bad_rt -s 1 -e "RTMIN+99: invalid signal" -x -- kill -l RTMIN+99
t rt_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" -s RTMIN+2 $p; wait $p 2>/dev/null; [ $? -eq $((128 + $("$BIN/kill" -l RTMIN+2))) ] && echo killed'
t rt_dash_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" -rtmax-1 $p; wait $p 2>/dev/null; [ $? -eq $((128 + $("$BIN/kill" -l RTMAX-1))) ] && echo killed'
t signal_zero_self -u kill -- sh -c '"$BIN/kill" -s 0 $$'
t term_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" $p; wait $p 2>/dev/null; [ $? -eq 143 ] && echo killed'
t named_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" -KILL $p; wait $p 2>/dev/null; [ $? -eq 137 ] && echo killed'
t number_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" -9 $p; wait $p 2>/dev/null; [ $? -eq 137 ] && echo killed'
t no_such_process -s 1 -e "No such process" -x -- kill 999999999
t bad_signal -s 1 -e "invalid signal" -x -- kill -s BOGUS 1
t bad_pid -s 1 -e "process or job" -x -- kill abc
t none -s 2 -e "usage" -x -- kill
t bad_option -s 1 -e "Z: invalid signal specification" -- kill -Z 999999999
