touch .a b.c; echo *.*; echo .*a
