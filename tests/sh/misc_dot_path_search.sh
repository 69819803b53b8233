mkdir bin; echo 'echo found via path' > bin/inc; PATH=$PWD/bin:$PATH; . inc
