echo ${0##*/} | grep -c sh
