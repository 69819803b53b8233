x=$(printf '%0500d' 0); echo ${#x}
