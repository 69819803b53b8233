printf 'a\nb\n' > f; while read l; do echo "got $l"; done < f
