# dash: skip (dash's jobs lines are laid out otherwise)
# A job killed by a signal reads as strsignal says ("Terminated"), as in
# bash; jobs reports it once and forgets it.
sleep 5 &
kill $!
while jobs >out; grep -q Running out; do :; done
cat out
jobs
echo end
