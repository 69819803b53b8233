x=$(false | true); echo $?
