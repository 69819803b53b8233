# sed, chmod, mktemp, od and cmp inside the OS (their cases run on the
# host against GNU's tools; here, that they work on Verdigris's files).
printf 'one\ntwo\nthree\n' > f
sed -n '2p;$=' f
sed -e 's/\(o\)\(n\)/\2\1/' -e '/three/d' f
sed -i x f 2>/dev/null; echo "sed bad option $?"
chmod 640 f && ls -l f | cut -c1-10
chmod u+x,g-r,o=w f && ls -l f | cut -c1-10
chmod 644 nofile 2>&1; echo "chmod missing $?"
d=$(mktemp -d) && [ -d "$d" ] && ls -ld "$d" | cut -c1-10
t=$(TMPDIR=$d mktemp) && case $t in "$d"/tmp.??????????) ls -l "$t" | cut -c1-10 ;; esac
rm -r "$d"
od -A d -t x1 f
od -c f | head -n 1
cp f g; cmp f g && echo same
echo four >> g; cmp f g 2>&1; echo "cmp $?"
printf 'one\nTwo\n' > h; cmp f h; echo "cmp $?"
cmp f nofile 2>&1; echo "cmp missing $?"
