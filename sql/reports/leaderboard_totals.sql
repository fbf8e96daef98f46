-- How much the leaderboards hold: boards (a benchmark, a metric, a unit),
-- benchmarks, entries (one per subject per board) and the papers behind them.
-- For the `leaderboards` asset's metadata.
WITH

totals AS (
    SELECT
        count(DISTINCT (benchmark_key, metric_key, unit)) AS boards,
        count(DISTINCT benchmark_key) AS benchmarks,
        count(*) AS entries,
        count(DISTINCT paper_key) AS papers
    FROM leaderboard
)

SELECT boards, benchmarks, entries, papers
FROM totals;
