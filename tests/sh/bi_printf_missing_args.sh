printf '%s|%d|\n'
