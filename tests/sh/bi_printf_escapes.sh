printf 'tab\there\\n\n'
