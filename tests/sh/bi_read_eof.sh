printf 'partial' | { read x; echo "$? $x"; }
