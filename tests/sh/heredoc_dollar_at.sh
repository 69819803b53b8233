set -- x y; cat <<EOF
args: $@ count: $#
EOF
