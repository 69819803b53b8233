f() { exec echo execd; }; f | cat; echo after
