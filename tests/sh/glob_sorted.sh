touch c b a; echo *
