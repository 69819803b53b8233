echo a # a comment
# whole line comment
echo b#not a comment
