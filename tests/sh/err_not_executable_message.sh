# dash: skip
touch plain; chmod 644 plain; "$SH" -c './plain' 2>&1; echo $?
