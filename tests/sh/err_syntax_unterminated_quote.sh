# dash: skip
"$SH" -c 'echo "abc' 2>&1; echo $?
