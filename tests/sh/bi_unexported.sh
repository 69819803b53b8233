Z=notexp; sh -c 'echo "[$Z]"'
