/bin/echo via path
