f() { OPTIND=1; while getopts a o "$@"; do echo $o; done; }; f -a; f -a
