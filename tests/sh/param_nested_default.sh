unset a b; echo ${a:-${b:-inner}}
