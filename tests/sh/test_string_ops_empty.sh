[ "" = "" ] && echo empty eq; [ -z "$undefined_q" ] && echo z
