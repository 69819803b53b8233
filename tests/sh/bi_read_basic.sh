echo 'one two three' | { read a b; echo "$a|$b"; }
