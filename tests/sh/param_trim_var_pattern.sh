x=hello.world; p=.world; echo ${x%$p}
