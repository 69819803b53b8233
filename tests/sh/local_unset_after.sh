f() { local y=1; echo $y; }; f; echo "[${y-unset}]"
