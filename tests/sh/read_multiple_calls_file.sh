printf '1\n2\n3\n' > f; { read a; read b; read c; } < f; echo $a$b$c
