"""Dagster wiring over `extractors` and `warehouse`: assets, checks, sensor, schedule."""
