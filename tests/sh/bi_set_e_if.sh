set -e; if false; then :; fi; echo survived; false || true; echo still; ! true; echo yes
