# The test runs as root; names from /etc/passwd and /etc/group.
id
id -u; id -g; id -G; id -un; id -Gn
id -u -g 2>/dev/null; echo "two $?"
id user; id -un 1000; id -Gn user
id nosuchuser 2>/dev/null; echo "operand $?"
