# dash: skip (dash reads its input in blocks, so read gets nothing; POSIX asks for one line at a time)
printf 'read x\nhello\necho got $x\n' | "$SH"
