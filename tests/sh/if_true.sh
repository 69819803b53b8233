if true; then echo yes; fi
