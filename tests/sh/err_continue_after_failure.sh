nosuch_cmd_abc 2>/dev/null
echo still running
