echo "\a\b\$"
