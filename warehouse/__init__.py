"""The DuckDB warehouse: schema (from ``sql/``), connections and loading."""
