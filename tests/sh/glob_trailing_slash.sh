mkdir dd; touch ff; echo d*/
