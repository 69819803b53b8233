printf ' a  b \n' | { read x y; echo "[$x][$y]"; }
