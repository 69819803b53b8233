if echo abc | grep -q b; then echo found; fi
