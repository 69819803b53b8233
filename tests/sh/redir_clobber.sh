echo a > f; set -C; echo b > f 2>/dev/null; echo $?; echo c >| f; cat f
