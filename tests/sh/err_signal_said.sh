# A foreground command killed by a signal is said on standard error in
# strsignal's words, except for SIGINT (the user's ^C) and SIGPIPE (a
# pipeline's reader gone).
"$SH" -c 'sh -c "kill -PIPE \$\$"; sh -c "kill -INT \$\$"; sh -c "kill \$\$"; sh -c "kill -9 \$\$"; echo end' 2>&1
