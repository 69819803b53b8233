set -- a b c; f() { echo $#; }; f x; echo $#
