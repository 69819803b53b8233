echo; echo ""; echo ''
