for x in 1 2 3 4; do
  if [ $x = 1 ]; then echo one
  elif [ $x = 2 ]; then echo two
  elif [ $x = 3 ]; then echo three
  else echo many
  fi
done
