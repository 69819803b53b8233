printf '%d %5d %-5d| %05d %x %X %o\n' 42 42 42 42 255 255 8
