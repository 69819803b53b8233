trap 'echo x' INT; trap | grep -c INT
