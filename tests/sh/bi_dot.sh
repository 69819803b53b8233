echo 'sourced=yes' > inc.sh; . ./inc.sh; echo $sourced
