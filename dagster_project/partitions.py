"""One dynamic partition per digest file, keyed by the file name."""

import dagster as dg

digest_partitions = dg.DynamicPartitionsDefinition(name="digests")
