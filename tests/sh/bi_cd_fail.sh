cd /nonexistent_dir 2>/dev/null; echo $?
