# SPDX-License-Identifier: BSD-2-Clause
# The names are random: each case checks what was made, its mode and the
# shape of its name, and that two calls give two names.
M='"$BIN/mktemp"'
t file_in_tmpdir -u mktemp -o '600 ok\n' -- sh -c "n=\$(TMPDIR=\$PWD $M) && [ -f \"\$n\" ] &&
	case \$n in \"\$PWD\"/tmp.??????????) stat -c '%a ok' \"\$n\" ;; esac"
t dir_template -u mktemp -o '700 ok\n' -- sh -c "n=\$($M -d dXXXXX) && [ -d \"\$n\" ] &&
	case \$n in d?????) stat -c '%a ok' \"\$n\" ;; esac"
t p_dir -u mktemp -p 'mkdir sub' -o 'ok\n' -- sh -c "n=\$($M -p sub aXXX) &&
	case \$n in sub/a???) [ -f \"\$n\" ] && echo ok ;; esac"
t distinct -u mktemp -o '2\n' -- sh -c "$M fXXXXXX >l; $M fXXXXXX >>l; sort -u l | wc -l | tr -d ' '"
t dry_run -u mktemp -o 'ok\n' -- sh -c "n=\$($M -u fXXXXXX) && [ ! -e \"\$n\" ] && echo ok"
t few_xs -s 1 -e "too few X's" -- mktemp aXX
t slash_with_p -s 1 -e "directory separator" -x -- mktemp -p . a/XXXX
t no_dir -s 1 -e "No such file or directory" -- mktemp nodir/aXXXX
t quiet -s 1 -- mktemp -q nodir/aXXXX
t bad_option -s 1 -e "invalid option" -x -- mktemp -Z
