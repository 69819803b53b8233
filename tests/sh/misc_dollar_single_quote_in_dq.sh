x=v; echo "'$x'"
