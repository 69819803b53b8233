mkdir -p d1/sub d2/sub; touch d1/f d2/g; echo d*/sub; echo */f
