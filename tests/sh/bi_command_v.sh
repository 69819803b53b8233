command -v cd; command -v sh | grep -c /; command -v nosuch_q; echo $?
