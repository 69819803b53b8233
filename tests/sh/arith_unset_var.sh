unset n; echo $((n + 1))
