printf 'x 1\ny 2\n' > f; while read k v; do echo "$k->$v"; done < f
