# dash: skip (history is our extension)
printf 'echo a\necho b\nhistory\n' | "$SH" -i 2>/dev/null
