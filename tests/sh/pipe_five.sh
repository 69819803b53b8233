echo abcde | cat | cat | tr a-e 1-5 | cat
