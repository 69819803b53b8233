trap '' USR1; kill -USR1 $$; echo survived
