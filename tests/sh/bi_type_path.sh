type sh | grep -c '/'
