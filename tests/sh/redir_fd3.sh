exec 3>f; echo via3 >&3; exec 3>&-; cat f
