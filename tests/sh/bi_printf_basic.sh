printf '%s-%s\n' a b
