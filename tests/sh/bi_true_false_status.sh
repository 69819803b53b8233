true; a=$?; false; b=$?; echo $a $b
