# dash: skip (dash has no bound and crashes)
"$SH" -c 'f() { f; }; f; echo not reached' 2>&1; echo $?
echo '. ./self.sh' > self.sh; "$SH" -c '. ./self.sh' 2>&1; echo $?
