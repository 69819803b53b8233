( (echo deep) )
