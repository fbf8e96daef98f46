-- The five largest claimed speedups: multipliers on a speed or time metric that
-- make the thing faster (speed up, or time down).
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
  AND (
      (direction = 'up' AND regexp_matches(coalesce(metric, ''), '(?i)speed|throughput|fast'))
      OR (direction = 'down' AND regexp_matches(
          coalesce(metric, ''), '(?i)time|latency|runtime|cost|compute|step|iteration'))
  )
ORDER BY canonical_value DESC
LIMIT 5;
