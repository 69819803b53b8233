mkdir b; printf '#!/bin/sh\necho cwd cmd\n' > b/cwdcmd; chmod +x b/cwdcmd; cd b; PATH=:/usr/bin:/bin cwdcmd
