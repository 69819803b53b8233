set -- x y; for i; do echo $i; done
