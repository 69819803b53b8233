echo -n no newline; echo
