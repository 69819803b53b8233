Y=later; export Y; sh -c 'echo $Y'
