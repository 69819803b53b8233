# dash: skip
echo 'echo "args: $*"' > inc.sh; . ./inc.sh x y
