p='a*'; case abc in $p) echo glob;; esac; case abc in "$p") echo literal;; *) echo nolit;; esac
