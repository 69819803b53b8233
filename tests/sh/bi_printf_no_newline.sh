printf abc; printf def; echo
