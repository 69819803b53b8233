# Verdigris has no user database: numbers, also with -n.
id
id -u; id -g; id -G; id -un; id -Gn
id -u -g 2>/dev/null; echo "two $?"
id root 2>/dev/null; echo "operand $?"
