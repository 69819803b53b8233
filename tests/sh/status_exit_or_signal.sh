# An exit code of 129-192 is the child's own; a signal's end is 128 + sig.
sh -c 'exit 130'; echo $?
sh -c 'exit 143'; echo $?
sh -c 'kill $$'; echo $?
sh -c 'kill -9 $$'; echo $?
sh -c 'exit 137' & wait $!; echo $?
sh -c 'exit 255'; echo $?
