unset a; echo "${a:-x y}"; for w in ${a:-"p q"}; do echo "[$w]"; done
