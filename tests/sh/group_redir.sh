{ echo one; echo two; } > f; cat f
