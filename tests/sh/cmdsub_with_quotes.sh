echo $(echo ')' "(")
