echo a > f b; cat f
