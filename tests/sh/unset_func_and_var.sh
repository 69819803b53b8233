x=1; f() { :; }; unset x; unset -f f; echo "${x-none}"; type f >/dev/null 2>&1 || echo nofunc
