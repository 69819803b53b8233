set -- $(seq 1 100); echo $# ${100}
