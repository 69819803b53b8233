touch g1; x=g*; echo "$x"
