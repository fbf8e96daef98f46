"""One dynamic partition per digest file, keyed by the file name."""

import dagster as dg

digest_partitions = dg.DynamicPartitionsDefinition(name="digests")


def is_valid_key(name: str) -> bool:
    """Whether Dagster accepts ``name`` as a partition key: no "..." and no control
    characters (its rule), which rules out a few odd file names."""
    return bool(name) and "..." not in name and name.isprintable()
