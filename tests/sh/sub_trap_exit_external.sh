(trap 'echo trap ran' EXIT; /bin/echo external last); echo after
