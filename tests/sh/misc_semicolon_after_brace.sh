{ echo a; }; { echo b; }
