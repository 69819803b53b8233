type cd | grep -c builtin; type if; type nosuchcmd_q >/dev/null 2>&1; echo $?
