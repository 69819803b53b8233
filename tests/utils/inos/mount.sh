# A tmpfs mounted, used, listed, busy while something is mounted below it,
# taken off.
mkdir -p /tmp/mnt_a
mount -t tmpfs -o size=1m none /tmp/mnt_a && echo mounted
echo hello > /tmp/mnt_a/f && cat /tmp/mnt_a/f
mkdir -p /tmp/mnt_a/b && mount -t tmpfs tb /tmp/mnt_a/b && echo nested
# Listed, with the root and the file systems mounted before; df shows each.
mount | grep mnt_a
mount | grep -c ' on / type .* (r[ow])$'
df | grep -c '^/tmp/mnt_a/b '
umount /tmp/mnt_a 2>&1; echo "busy $?"
umount /tmp/mnt_a/b && umount /tmp/mnt_a && echo unmounted
ls /tmp/mnt_a
mount -t ext9 none /tmp/mnt_a 2>&1; echo "type $?"
mount -t tmpfs -o size=lots none /tmp/mnt_a 2>&1; echo "options $?"
mount -t tmpfs none /tmp/no/such 2>&1; echo "missing $?"
mount | grep -c mnt_a; echo "list $?"
mount -q 2>/dev/null; echo "bad option $?"
umount /tmp/mnt_a 2>&1; echo "not mounted $?"
umount 2>/dev/null; echo "no operand $?"
