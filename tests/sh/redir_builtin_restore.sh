echo one > f; echo two; cat f
