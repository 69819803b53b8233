cd /; echo $PWD
