set -- a; (shift 3) 2>/dev/null; echo $?
