"""One dynamic partition per digest file, keyed by the file name."""

import os

import dagster as dg

from dagster_project.folders import is_valid_key

__all__ = ["digest_partitions", "forget_partition", "is_valid_key"]

digest_partitions = dg.DynamicPartitionsDefinition(name="digests")


def forget_partition(key: str) -> bool:
    """Delete the digest partition ``key`` from the instance in ``$DAGSTER_HOME``, if
    one is set and has it (after `claims remove`, so the UI stops listing it).
    Whether a partition was deleted."""
    if not os.environ.get("DAGSTER_HOME"):
        return False
    with dg.DagsterInstance.get() as instance:
        if not instance.has_dynamic_partition(digest_partitions.name, key):
            return False
        instance.delete_dynamic_partition(digest_partitions.name, key)
    return True
