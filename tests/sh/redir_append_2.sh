echo a 2>>e >&2; echo b 2>>e >&2; cat e
