# SPDX-License-Identifier: BSD-2-Clause
# Each case prints the resulting mode with stat -c %a (the host's stat).
M='stat -c %a f'
t octal -p 'touch f' -c "$M" -o '640\n' -- chmod 640 f
t octal_special -p 'touch f' -c "$M" -o '4755\n' -- chmod 4755 f
t add_user_x -p 'touch f; chmod 644 f' -c "$M" -o '744\n' -- chmod u+x f
t remove_all_w -p 'touch f; chmod 666 f' -c "$M" -o '444\n' -- chmod a-w f
t set_group -p 'touch f; chmod 777 f' -c "$M" -o '757\n' -- chmod g=rx f
t several_clauses -p 'touch f; chmod 600 f' -c "$M" -o '754\n' -- chmod u+x,g+rx,o+r f
t copy_class -p 'touch f; chmod 640 f' -c "$M" -o '660\n' -- chmod g=u f
# Without u, g, o or a the umask's bits stay as they are.
t no_who_umask -u chmod -p 'touch f; chmod 600 f' -c "$M" -o '711\n' -- sh -c 'umask 022; exec "$BIN/chmod" +x f'
t no_who_minus_first -u chmod -p 'touch f; chmod 777 f' -c "$M" -o '577\n' -- sh -c 'umask 022; exec "$BIN/chmod" -w f'
t big_x_file -p 'touch f; chmod 644 f' -c "$M" -o '644\n' -- chmod a+X f
t big_x_dir -p 'mkdir f; chmod 644 f' -c "$M" -o '755\n' -- chmod a+X f
t sticky -p 'mkdir f; chmod 777 f' -c "$M" -o '1777\n' -- chmod +t f
t recursive -p 'mkdir -p d/e; touch d/e/f d/g' -c 'stat -c "%a %n" d d/e d/e/f d/g' \
	-o '700 d\n700 d/e\n700 d/e/f\n700 d/g\n' -- chmod -R 700 d
t missing -s 1 -e "No such file or directory" -- chmod 644 nofile
t missing_some -p 'touch f' -s 1 -e "No such file or directory" -c "$M" -o '600\n' -- chmod 600 nofile f
t bad_mode -p 'touch f' -s 1 -e "invalid mode" -- chmod 999 f
t bad_symbolic -p 'touch f' -s 1 -e "invalid mode" -- chmod u+q f
t no_file -s 1 -e "missing operand" -- chmod 644
t nothing -s 1 -e "missing operand" -- chmod
