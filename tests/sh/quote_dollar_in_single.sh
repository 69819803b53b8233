echo '$HOME'
