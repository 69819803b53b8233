# dash: skip
"$SH" -c 'echo )' 2>&1
