x='1 2'; set -- pre$x; echo $#:$1:$2
