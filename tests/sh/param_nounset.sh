set -u
x=1; echo $x
echo $nosuch
echo not reached
