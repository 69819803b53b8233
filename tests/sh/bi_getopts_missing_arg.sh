set -- -a; getopts :a: o; echo "$o $OPTARG"
