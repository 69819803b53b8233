printf '#!%s\necho "script $# $1 $2"\n' "$SH" > s; chmod +x s; ./s a b
