x=10; if [ $((x % 2)) -eq 0 ]; then echo even; fi
