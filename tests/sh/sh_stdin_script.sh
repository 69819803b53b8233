echo 'echo from stdin' | "$SH"
