"$SH" -c 'echo from -c'
