f() { echo a; echo b; }; f | wc -l | tr -d ' '
