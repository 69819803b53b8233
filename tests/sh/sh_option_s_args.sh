echo 'echo $1 $2' | "$SH" -s p q
