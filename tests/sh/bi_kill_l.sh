kill -l 9
