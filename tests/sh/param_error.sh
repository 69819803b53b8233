unset u; (echo ${u:?is unset}) 2>/dev/null; echo status $?
