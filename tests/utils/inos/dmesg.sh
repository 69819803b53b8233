# What a program writes to a closed standard error goes to the kernel log
# (lib/c), where dmesg finds it; options and operands are refused.
ls /no-such-dmesg-marker 2>&-
dmesg | grep -c 'ls: /no-such-dmesg-marker'
dmesg | tail -n 1 | grep -c '^\[ *[0-9]*\.[0-9]\{6\}\] '
dmesg -x 2>/dev/null; echo "bad option $?"
dmesg extra 2>&1; echo "operand $?"
