[ a \< b ] && echo less; [ b \> a ] && echo greater
