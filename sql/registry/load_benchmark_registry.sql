-- Well-known benchmarks (sql/registry/benchmarks.csv, loaded by
-- warehouse/registries.py): `name` is how a board shows one, `alias` another
-- spelling of it (null: a name listed without aliases). benchmark_aliases in
-- analysis_views.sql normalizes both for lookups.
CREATE OR REPLACE TABLE benchmark_registry AS
SELECT
    name,
    nullif(alias, '') AS alias
FROM registry_rows;
