cat <<\EOF
$HOME
EOF
