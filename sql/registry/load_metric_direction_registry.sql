-- Which way a metric is better (sql/registry/metric_directions.csv, loaded by
-- warehouse/registries.py): `match` says how `name` is compared with a metric_key
-- (`key`: the whole key; `word`: a word or phrase of it, the longest matching one
-- winning; `family`: its metric_family), `better` is `higher` or `lower`.
CREATE OR REPLACE TABLE metric_direction_registry AS
SELECT
    match,
    name,
    better
FROM registry_rows;
