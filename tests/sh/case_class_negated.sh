case x in [!abc]) echo not abc;; esac
