echo a 2>/dev/null; echo b2>f; cat f 2>/dev/null; ls
