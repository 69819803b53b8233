case 'a*' in a\*) echo literal star;; esac
