echo "[$!]"
