f() { return 1; }; if f; then echo yes; else echo no; fi
