printf 'exit 9\n' > s4; "$SH" s4; echo $?
