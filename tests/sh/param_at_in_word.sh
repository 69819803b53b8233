set -- a b; for w in x"$@"y; do echo "[$w]"; done
