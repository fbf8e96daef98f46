-- Well-known models and methods spelled in more than one way
-- (sql/registry/subjects.csv, loaded by warehouse/registries.py): `name` is how a
-- board shows one, `alias` another spelling. subject_aliases in analysis_views.sql
-- normalizes both for lookups.
CREATE OR REPLACE TABLE subject_registry AS
SELECT
    name,
    nullif(alias, '') AS alias
FROM registry_rows;
