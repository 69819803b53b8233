unset u; echo ${u:-default} ${u-dash}; e=; echo "[${e:-def}]" "[${e-nodef}]"
