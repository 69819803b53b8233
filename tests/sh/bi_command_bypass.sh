echo() { printf 'func\n'; }; echo a; command echo real
