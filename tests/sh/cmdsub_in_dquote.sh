echo "pre $(echo mid) post"
