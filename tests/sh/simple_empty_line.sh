echo after empty lines
