export ZZQ=1; export -p | grep ZZQ
