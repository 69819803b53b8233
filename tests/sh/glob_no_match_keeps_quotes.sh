echo "x"*.nothing
