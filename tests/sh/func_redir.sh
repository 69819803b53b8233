f() { echo to file; } > f; f; cat f
