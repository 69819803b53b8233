x=1; echo "[${x:+alt}]"; unset x; echo "[${x:+alt}]"; e=; echo "[${e+set}]" "[${e:+set}]"
