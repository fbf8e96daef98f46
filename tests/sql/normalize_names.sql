-- The leaderboard macros applied to one name, for tests/test_leaderboards.py.
SELECT
    benchmark_key($name) AS benchmark_key,
    benchmark_name(benchmark_key($name)) AS benchmark_name,
    subject_key($name) AS subject_key,
    metric_better(metric_key($name)) AS metric_better;
