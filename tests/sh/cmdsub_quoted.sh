x="$(printf 'a  b')"; echo "$x"
