cat <<EOF
a\$b \\ \`x\` \n
EOF
