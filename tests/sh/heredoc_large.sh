i=0
{ while [ $i -lt 300 ]; do echo "line $i"; i=$((i+1)); done; } > src
cat <<EOF | wc -l | tr -d ' '
$(cat src)
EOF
