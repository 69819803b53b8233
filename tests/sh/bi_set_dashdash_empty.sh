set -- a; set --; echo $#
