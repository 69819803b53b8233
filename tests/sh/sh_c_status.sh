"$SH" -c 'exit 4'; echo $?
