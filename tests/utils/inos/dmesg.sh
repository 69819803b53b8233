# A write to /dev/kmsg is a record of the kernel log, where dmesg finds
# it; options and operands are refused.
echo 'dmesg test: a marker' > /dev/kmsg
dmesg | grep -c 'dmesg test: a marker'
dmesg | tail -n 1 | grep -c '^\[ *[0-9]*\.[0-9]\{6\}\] '
dmesg -x 2>/dev/null; echo "bad option $?"
dmesg extra 2>&1; echo "operand $?"
