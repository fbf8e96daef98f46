-- The latest run of $digest that loaded it or found it unchanged, with the read
-- problems it recorded: the figures an `unchanged` answer repeats when it is
-- found without reading the file again (sql/load/digest_state.sql says whether
-- the file is still the loaded one).
SELECT
    r.run_id,
    r.papers_read,
    (SELECT count(*) FROM ingest_errors AS e WHERE e.run_id = r.run_id AND e.stage = 'read')
        AS read_problems
FROM ingest_runs AS r
WHERE r.digest = $digest AND r.status IN ('loaded', 'unchanged')
ORDER BY r.run_id DESC
LIMIT 1;
