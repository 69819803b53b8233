printf '[%*d]\n' 5 42
