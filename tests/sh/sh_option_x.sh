"$SH" -x -c 'echo hi' 2>&1
