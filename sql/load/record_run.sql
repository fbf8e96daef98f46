-- Log one ingest attempt; returns the new run_id.
INSERT INTO ingest_runs BY NAME
SELECT
    $digest AS digest,
    $source_path AS source_path,
    $dagster_run_id AS dagster_run_id,
    CAST($started_at AS TIMESTAMP) AS started_at,
    current_localtimestamp() AS finished_at,
    $status AS status,
    $papers_read AS papers_read,
    $papers_loaded AS papers_loaded,
    $mentions_loaded AS mentions_loaded,
    $problems AS problems,
    $extractor_version AS extractor_version,
    $message AS message
RETURNING run_id;
