printf 'echo no shebang $1\n' > s3; chmod +x s3; ./s3 arg
