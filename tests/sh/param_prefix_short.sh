p=/usr/local/bin; echo ${p#*/}
