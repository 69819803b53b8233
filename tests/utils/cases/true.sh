# SPDX-License-Identifier: BSD-2-Clause
t plain -- true
t args -- true a b --bad
t status -s 1 -- false
t status_args -s 1 -- false x
