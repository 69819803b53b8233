# dash: skip
"$SH" -c 'echo $((1 +))' 2>&1; echo $?
