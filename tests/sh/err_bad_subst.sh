# dash: skip
"$SH" -c 'echo ${x!}' 2>&1; echo $?
