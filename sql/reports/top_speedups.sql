-- The five largest claimed speedups: result multipliers on a speed metric
-- (metric_family, sql/analysis_views.sql) that go up. A time or cost going down
-- ("500x lower inference cost") is a reduction, not a speedup: see
-- sql/analysis/largest_reductions.sql.
SELECT
    canonical_value AS factor,
    metric,
    baseline,
    left(title, 60) AS paper,
    digest
FROM claim_mentions
WHERE unit = 'x'
  AND kind = 'multiplier'
  AND role = 'result'
  AND direction = 'up'
  AND metric_family(metric) = 'speed'
ORDER BY canonical_value DESC, paper, digest
LIMIT 5;
