printf 'l1\nl2\n' | { read a; read b; echo $b $a; }
