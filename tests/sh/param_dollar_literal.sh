echo $ a$ "$"
