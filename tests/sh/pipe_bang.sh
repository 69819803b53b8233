! true; echo $?
! false; echo $?
! false | false; echo $?
