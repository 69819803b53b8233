for i in; do echo never; done; echo empty ok
