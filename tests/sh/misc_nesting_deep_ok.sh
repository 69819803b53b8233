i=0; s=; e=; while [ $i -lt 200 ]; do s="$s( "; e="$e )"; i=$((i+1)); done
eval "$s echo deep $e"
