HOME=/; cd; pwd
