# dash: skip (dash exits 2; POSIX asks 127 for a script not found)
"$SH" ./nonexistent_script 2>/dev/null; echo $?
