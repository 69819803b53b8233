echo hi >&- 2>/dev/null; echo status $?
