eval 'y=5'; echo $y
