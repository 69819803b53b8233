set -e; (false; echo not here); echo not here either
