"$SH" -c 'echo ran
echo also
fi' 2>/dev/null; echo $?
