# SPDX-License-Identifier: BSD-2-Clause
t form -o 'ok\n' -u uptime -- sh -c '"$BIN/uptime" | grep -Eq "^ [0-9]{2}:[0-9]{2}:[0-9]{2} up ([0-9]+ days?, )?([ 0-9]{2}:[0-9]{2}|[0-9]+ min)$" && echo ok'
t extra -s 1 -e "extra operand" -x -- uptime x
