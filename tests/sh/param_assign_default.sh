unset u; echo ${u:=set}; echo $u
