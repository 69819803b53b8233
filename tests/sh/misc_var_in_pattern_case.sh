x=hello; case $x in h*o) echo ho;; esac
