echo 'stop\chere'; echo next
