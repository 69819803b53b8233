command true && echo ok
