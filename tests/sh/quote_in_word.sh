echo ab"c d"ef
