case foobar in f*b*r) echo yes;; esac
