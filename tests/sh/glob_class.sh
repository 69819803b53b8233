touch A b C d; echo [[:upper:]]
