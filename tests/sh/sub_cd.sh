mkdir d; (cd d; pwd | sed 's|.*/||'); pwd | grep -c '/d$'
