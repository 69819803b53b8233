case x in x) echo last
esac
