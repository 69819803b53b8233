my_func_2() { echo ok; }; my_func_2
