e=; echo "[${e=no}]"; echo "[${e:=yes}]"; echo $e
