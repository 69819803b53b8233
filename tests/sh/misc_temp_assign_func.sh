f() { echo "in f: $v"; }; v=1; v=2 f; echo $v
