"$SH" -e -c 'false; echo no'; echo $?
