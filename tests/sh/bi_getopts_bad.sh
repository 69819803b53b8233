set -- -z; getopts a o 2>/dev/null; echo "$o"
