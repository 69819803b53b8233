exec 4> f; echo four >&4; exec 4>&-; cat f
