set -- -a -b val file; while getopts ab: o; do echo "$o ${OPTARG-}"; done; shift $((OPTIND-1)); echo rest $1
