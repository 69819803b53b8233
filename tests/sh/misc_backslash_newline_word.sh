ec\
ho joined
