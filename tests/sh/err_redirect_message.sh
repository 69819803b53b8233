# dash: skip
"$SH" -c 'cat < missing_file' 2>&1; echo $?
