set -f; set +f; touch q1; echo q*
