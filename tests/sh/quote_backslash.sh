echo \$x \' \" \\ \a
