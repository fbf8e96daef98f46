"""Pure extraction: digest text in, paper records and quantity mentions out.

Nothing here knows about Dagster or DuckDB; the warehouse and the Dagster
project build on these plain dataclasses.
"""
