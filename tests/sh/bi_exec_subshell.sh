(exec echo in sub); echo after
