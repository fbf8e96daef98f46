"""The `claims` command line and its progress bars."""
