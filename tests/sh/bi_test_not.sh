[ ! -e nope ] && echo not exists; test ! abc = abd && echo ok
