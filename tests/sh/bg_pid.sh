sleep 0 & p=$!; wait $p; echo "waited $?"; [ -n "$p" ] && echo has pid
