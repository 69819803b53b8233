echo a   b	c
