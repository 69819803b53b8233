[ "$$" -gt 0 ] && echo pid ok
