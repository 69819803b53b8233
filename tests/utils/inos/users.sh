# Names in the utilities: whoami, ls -l, stat, ps; chown and chgrp by name;
# set-user-ID bits shown by ls.
whoami
owners() { set -- $(ls -l "$1"); echo "$3 $4"; }
owners /etc/passwd
stat -c '%U %G %u %g' /etc/group
touch f
chown user:users f; stat -c '%U %G %u %g' f
chgrp wheel f; owners f
chown 4242:4343 f; owners f
chown nosuchuser f 2>/dev/null; echo "bad user $?"
chmod 4755 f; ls -l f | cut -c 1-10
chmod g+s,u-s f; ls -l f | cut -c 1-10
ps -o user= -p $$
renice -n 1 -u nosuchuser 2>/dev/null; echo "renice $?"
