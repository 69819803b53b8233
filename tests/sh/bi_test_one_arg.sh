[ x ] && echo nonempty; [ "" ] || echo empty
