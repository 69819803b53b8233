f() { tr a-z A-Z; }
echo hello | f
