-- The analysis macros applied to one metric phrase, for tests/test_analysis_queries.py.
SELECT
    metric_key($metric) AS metric_key,
    metric_family($metric) AS metric_family,
    baseline_key($metric) AS baseline_key;
