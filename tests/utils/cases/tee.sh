# SPDX-License-Identifier: BSD-2-Clause
t stdout -i 'a\nb\n' -o 'a\nb\n' -- tee
t file -i 'x\n' -o 'x\nx\n' -c 'cat f' -- tee f
t two_files -i 'x\n' -o 'x\nx\nx\n' -c 'cat f g' -- tee f g
t truncate -p 'echo old > f' -i 'new\n' -o 'new\nnew\n' -c 'cat f' -- tee f
t append -p 'echo old > f' -i 'new\n' -o 'new\nold\nnew\n' -c 'cat f' -- tee -a f
t bad_dir -i 'x\n' -s 1 -o 'x\n' -e "nodir/f: No such file or directory" -- tee nodir/f
t bad_option -s 2 -e "invalid option" -x -- tee -Z
