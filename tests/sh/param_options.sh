set -f; case $- in *f*) echo has f;; esac
