mkdir y; old=$PWD; cd y; [ "$OLDPWD" = "$old" ] && echo oldpwd ok
