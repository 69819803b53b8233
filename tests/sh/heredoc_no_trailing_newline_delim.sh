printf 'cat <<E\nbody\nE' > h.sh; "$SH" h.sh
