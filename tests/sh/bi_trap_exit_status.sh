trap 'echo trap $?' EXIT; exit 3
