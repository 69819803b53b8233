mkdir bin; printf '#!/bin/sh\necho mine\n' > bin/mycmd_q; chmod +x bin/mycmd_q; PATH=$PWD/bin:$PATH mycmd_q
