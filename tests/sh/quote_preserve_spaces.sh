echo "a    b"
