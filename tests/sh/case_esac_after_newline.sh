case a in
a) echo a
;;
esac
