case '*' in "*") echo star;; esac; case x in "*") echo wrong;; *) echo right;; esac
