printf 'echo before\nreturn 3\necho after\n' > inc.sh; . ./inc.sh; echo $?
