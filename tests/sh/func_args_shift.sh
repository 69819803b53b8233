f() { shift; echo "$@"; }; f a b c
