set --; echo ${1:-none}
