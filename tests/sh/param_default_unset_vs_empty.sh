x=; echo "${x-unset}|${x:-empty}"
