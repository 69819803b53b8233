for i in 1 2 3; do printf '%s,' $i; done; echo
