mkdir x; cd x; cd .. ; cd - | sed 's|.*/||'
