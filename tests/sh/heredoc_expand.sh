x=42
cat <<EOF
x is $x
sum $((1+2))
cmd $(echo sub)
EOF
