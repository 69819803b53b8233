set -- first; x=$1; echo $x
