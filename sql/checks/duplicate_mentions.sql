-- Claims stored more than once: the same paper, span and reading.
SELECT coalesce(sum(n - 1), 0) AS failures
FROM (
    SELECT count(*) AS n
    FROM claims
    GROUP BY paper_key, section, start_char, end_char, unit, canonical_value
    HAVING count(*) > 1
);
