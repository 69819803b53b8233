if true; then while true; do for i in 1; do case x in x) { ( echo deep ); } ;; esac; done; break; done; fi
