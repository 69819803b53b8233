printf '%-3s|\n' a
