echo /bi[n] | grep -c /bin
