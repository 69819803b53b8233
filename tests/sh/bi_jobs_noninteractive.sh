sleep 0.1 & jobs | grep -c sleep; wait
