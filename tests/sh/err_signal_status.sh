"$SH" -c 'kill -9 $$'; echo $?
