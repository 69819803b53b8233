f() { for a in "$@"; do echo "<$a>"; done; }; f 'x y' '' z
