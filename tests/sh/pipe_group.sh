{ echo a; echo b; } | wc -l | tr -d ' '
