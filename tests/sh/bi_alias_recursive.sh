alias echo='echo alias:'
echo works
