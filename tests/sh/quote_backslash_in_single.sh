echo 'a\b'
