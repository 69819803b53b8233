# dash: skip (dash lists no jobs when job control is off)
sleep 1 &
jobs > out
grep -c "sleep 1" out
jobs -p > pids
[ "$(cat pids)" = "$!" ] && echo pid listed
kill $!
wait
