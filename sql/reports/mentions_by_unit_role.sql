-- Mentions per canonical unit, split by role, most frequent first.
SELECT
    unit,
    count(*) FILTER (WHERE role = 'result') AS result,
    count(*) FILTER (WHERE role = 'setup') AS setup,
    count(*) AS total
FROM claim_mentions
GROUP BY unit
ORDER BY total DESC, unit;
