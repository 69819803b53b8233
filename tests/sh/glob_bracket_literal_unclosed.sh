touch '[a'; echo [a
