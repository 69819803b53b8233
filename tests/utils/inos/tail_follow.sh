# tail -f prints the last line, then what is appended, until killed.
printf 'a\nb\n' > f
tail -f -n 1 f > out &
pid=$!
sleep 1
echo c >> f
sleep 1
kill $pid
wait $pid
echo "killed $?"
cat out
tail -f nofile 2>&1; echo "missing $?"
tail -f -y f 2>/dev/null; echo "bad option $?"
