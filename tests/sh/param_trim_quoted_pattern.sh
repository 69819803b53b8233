x='a*b'; echo ${x#"a*"} ${x#a*}
