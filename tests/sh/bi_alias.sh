# dash: skip
alias hi='echo hello'
hi there
