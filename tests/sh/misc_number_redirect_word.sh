echo 2 > f; cat f
