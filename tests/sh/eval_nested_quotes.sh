eval 'eval "echo inner"'
