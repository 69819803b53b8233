case a in a) false;; esac; echo $?
