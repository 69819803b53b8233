printf 'line\n' > f; cat < f
