touch f1 f2; for f in f*; do echo $f; done
