# dash: skip (++ and -- are our extension; POSIX leaves them optional)
i=5; echo $((i++)) $i $((++i)) $((i--)) $((--i))
