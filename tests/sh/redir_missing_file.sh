cat < nonexistent 2>/dev/null; echo $?
