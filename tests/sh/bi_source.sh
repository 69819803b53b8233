# dash: skip
echo 'v=src' > inc.sh; source ./inc.sh; echo $v
