-- Where the latest ingest attempt of a digest read its file, loaded or refused: lets
-- the daily schedule find a refused file again, and tell whether it changed.
SELECT source_path
FROM ingest_runs
WHERE digest = $digest AND source_path IS NOT NULL
ORDER BY run_id DESC
LIMIT 1;
