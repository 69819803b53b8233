(echo in subshell)
