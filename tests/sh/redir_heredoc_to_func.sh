f() { cat; }; f <<EOF
through function
EOF
