# dash: skip
"$SH" -c 'while true; do echo' 2>&1; echo $?
