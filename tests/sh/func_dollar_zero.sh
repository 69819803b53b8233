f() { echo ${0##*/}; }; f | grep -c sh
