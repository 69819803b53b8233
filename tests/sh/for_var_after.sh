for i in a b; do :; done; echo $i
