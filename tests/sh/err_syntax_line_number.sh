# dash: skip
printf 'echo one\necho two\nif then\n' > bad.sh; "$SH" bad.sh 2>&1; echo $?
