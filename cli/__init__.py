"""The `claims` command line: the last layer, over `dagster_project` and `warehouse`."""
