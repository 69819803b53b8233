printf '%b\n' 'a\nb'
