echo '"x"'
