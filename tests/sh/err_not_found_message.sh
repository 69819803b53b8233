# dash: skip
"$SH" -c 'nosuchcmd_zz' 2>&1; echo $?
