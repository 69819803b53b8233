printf '\101\102\n'
