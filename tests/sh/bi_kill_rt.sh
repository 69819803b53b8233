# dash: skip (dash has no RTMIN+n names)
# The real-time signals by name (RTMIN+n, RTMAX-n, any case, with or
# without SIG) in kill and trap; kill -l names a number and the signal of
# an exit status above 128. Numbers differ between systems: only names are
# printed.
n=$(kill -l RTMIN+2)
[ "$(kill -l $n)" = RTMIN+2 ] && echo number names it
[ "$(kill -l $((n + 128)))" = RTMIN+2 ] && echo status names it
[ "$(kill -l rtmax-1)" = "$(kill -l SIGRTMAX-1)" ] && echo any spelling
kill -l 130 143
trap 'echo caught RTMIN+1' RTMIN+1
kill -s RTMIN+1 $$
kill -RTMIN+1 $$
trap 'echo caught RTMAX' sigrtmax
kill -s rtmax $$
trap - RTMIN+1 RTMAX
trap
kill -l 0 2>/dev/null || echo 0 is no signal
kill -l RTMIN+99 2>/dev/null || echo RTMIN+99 is no signal
kill -s RTMAX+1 $$ 2>/dev/null || echo RTMAX+1 is no signal
# A command killed by a real-time signal is said in strsignal's words.
"$SH" -c '"$SH" -c "kill -s RTMIN+3 \$\$"; echo st=$(($? - $(kill -l RTMIN)))' 2>&1
