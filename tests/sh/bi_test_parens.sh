[ \( 1 -eq 1 \) ] && echo paren
