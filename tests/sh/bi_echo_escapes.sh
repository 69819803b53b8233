echo 'a\tb\nc'
