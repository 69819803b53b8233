set -u; echo ${undefined_var:-fallback}
