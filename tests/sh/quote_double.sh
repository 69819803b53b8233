x=v; echo "double $x \$x \\ \" \`"
