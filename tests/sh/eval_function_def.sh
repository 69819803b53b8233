eval 'g() { echo defined by eval; }'; g
