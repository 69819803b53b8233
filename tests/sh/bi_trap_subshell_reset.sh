trap 'echo parent trap' EXIT; (echo in sub); echo end
