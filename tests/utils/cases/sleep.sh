# SPDX-License-Identifier: BSD-2-Clause
t zero -- sleep 0
t fraction -- sleep 0.01
t suffix -- sleep 0.001s
t sum -- sleep 0 0.01
t bad -s 1 -e "invalid time interval" -- sleep abc
t negative -s 1 -e "invalid time interval" -x -- sleep -- -1
t none -s 2 -e "usage" -x -- sleep
t bad_option -s 1 -e "'-Z'" -- sleep -Z
