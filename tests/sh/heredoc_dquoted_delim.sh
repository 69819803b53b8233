x=1
cat <<"END"
$x
END
