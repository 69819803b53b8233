# dash: skip
echo hi | { read; echo "$REPLY"; }
