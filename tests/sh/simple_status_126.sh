printf 'echo hi\n' > f; chmod 644 f; ./f 2>/dev/null; echo $?
