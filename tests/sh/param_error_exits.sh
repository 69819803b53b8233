unset u
echo before
: ${u?missing}
echo not reached
