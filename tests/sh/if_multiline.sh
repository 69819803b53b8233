if true
then
  echo multi
fi
