touch fa fb fc fz; echo f[a-c]
