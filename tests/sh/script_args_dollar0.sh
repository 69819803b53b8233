printf 'echo ${0##*/} $@\n' > s2.sh; "$SH" s2.sh x y
