# dash: skip
"$SH" -c 'cd /no/such/dir' 2>&1; echo $?
