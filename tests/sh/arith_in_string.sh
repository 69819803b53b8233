echo "total: $((10 * 10))"
