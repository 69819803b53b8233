n=out; echo x > $n.txt; cat out.txt
