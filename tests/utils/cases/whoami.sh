# SPDX-License-Identifier: BSD-2-Clause
t name -o "$(id -un)\n" -- whoami
t operand -s 2 -e "extra operand" -x -- whoami root
