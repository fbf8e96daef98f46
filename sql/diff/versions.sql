-- Extractor versions that loaded digests, newest first.
SELECT
    extractor_version,
    count(DISTINCT digest) AS digests,
    max(finished_at) AS last_loaded
FROM ingest_runs
WHERE status = 'loaded'
GROUP BY extractor_version
ORDER BY last_loaded DESC;
