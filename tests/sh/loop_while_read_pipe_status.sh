printf 'a\nb\n' | while read l; do :; done; echo $?
