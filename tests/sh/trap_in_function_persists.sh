f() { trap 'echo bye' EXIT; }; f; echo main
