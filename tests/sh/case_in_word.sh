x=in; case $x in in) echo in word;; esac
