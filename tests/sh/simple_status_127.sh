nonexistent_command_xyz 2>/dev/null; echo $?
