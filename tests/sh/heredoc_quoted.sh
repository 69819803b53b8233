x=42
cat <<'EOF'
x is $x
$(echo no)
EOF
