echo 'k v' | { read k v; echo "$v=$k"; }
