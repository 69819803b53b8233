x=foo; echo ${x}bar $x.baz
