set -e; true; echo one; false; echo two
