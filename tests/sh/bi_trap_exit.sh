trap 'echo exiting' EXIT; echo main
