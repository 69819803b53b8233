unset x; echo "[$x]"
