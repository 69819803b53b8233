IFS=x; echo axb
