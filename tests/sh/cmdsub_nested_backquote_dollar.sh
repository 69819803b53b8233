echo `echo $(echo mixed)`
