echo x > nodir/f 2>/dev/null; echo $?
