x='echo evaluated'; eval $x
