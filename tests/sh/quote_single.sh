echo 'single $x `y` \n'
