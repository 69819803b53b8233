# dash: skip
"$SH" -c 'echo a; fi' 2>&1; echo $?
