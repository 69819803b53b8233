echo "$(echo "$(echo 'deep')")"
