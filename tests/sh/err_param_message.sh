# dash: skip
"$SH" -c 'echo ${u?custom message}' 2>&1; echo $?
