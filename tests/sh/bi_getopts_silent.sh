set -- -z -a; getopts :a o; echo "$o $OPTARG"; getopts :b: o; echo "$o"
