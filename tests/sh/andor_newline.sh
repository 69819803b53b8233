true &&
echo after newline
