umask 022; umask; umask 077; touch f; ls -l f | cut -c1-10
