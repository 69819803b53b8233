touch f; chmod +x f; [ -x f ] && echo exec; touch g; [ -x g ] || echo noexec
