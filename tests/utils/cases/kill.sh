# SPDX-License-Identifier: BSD-2-Clause
t list_status -o 'KILL\n' -x -- kill -l 137
t list_number -o 'TERM\n' -x -- kill -l 15
t list_name -o '9\n' -x -- kill -l KILL
t list_all -o 'HUP INT QUIT ILL TRAP ABRT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF SYS\n' -x -- kill -l
t signal_zero_self -u kill -- sh -c '"$BIN/kill" -s 0 $$'
t term_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" $p; wait $p 2>/dev/null; [ $? -eq 143 ] && echo killed'
t named_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" -KILL $p; wait $p 2>/dev/null; [ $? -eq 137 ] && echo killed'
t number_child -o 'killed\n' -u kill -- sh -c 'sleep 5 & p=$!; "$BIN/kill" -9 $p; wait $p 2>/dev/null; [ $? -eq 137 ] && echo killed'
t no_such_process -s 1 -e "No such process" -x -- kill 999999999
t bad_signal -s 1 -e "invalid signal" -x -- kill -s BOGUS 1
t bad_pid -s 1 -e "process or job" -x -- kill abc
t none -s 2 -e "usage" -x -- kill
t bad_option -s 1 -e "Z: invalid signal specification" -- kill -Z 999999999
