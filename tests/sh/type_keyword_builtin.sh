type while; type true
