f() { :; }; type f
