echo 'return 4' > r.sh; f() { . ./r.sh; echo after $?; }; f
