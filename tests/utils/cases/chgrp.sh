# SPDX-License-Identifier: BSD-2-Clause
t name -p 'touch f' -c 'stat -c %G f' -o "$(id -gn)\n" -- chgrp "$(id -gn)" f
t number -p 'touch f' -c 'stat -c %g f' -o "$(id -g)\n" -- chgrp "$(id -g)" f
t bad_group -p 'touch f' -s 1 -e "invalid group: 'no_such_group_here'" -x -- chgrp no_such_group_here f
t no_operand -s 2 -e "missing operand" -x -- chgrp
