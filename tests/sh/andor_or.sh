false || echo fallback
true || echo no
