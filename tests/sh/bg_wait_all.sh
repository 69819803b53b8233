(sleep 0.1; echo one) & (echo two) & wait; echo all
