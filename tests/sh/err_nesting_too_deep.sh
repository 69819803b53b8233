# dash: skip (our bound and message)
i=0; s=; while [ $i -lt 600 ]; do s="$s{ "; i=$((i+1)); done
"$SH" -c "$s echo" 2>&1; echo $?
