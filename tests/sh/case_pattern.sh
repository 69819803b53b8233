case file.txt in *.c) echo c;; *.txt) echo text;; esac
