-- How much the warehouse holds.
SELECT
    (SELECT count(*) FROM digests) AS digests,
    (SELECT count(*) FROM papers) AS papers,
    (SELECT count(*) FROM claim_mentions) AS mentions,
    (SELECT count(*) FROM claim_mentions WHERE role = 'result') AS result_mentions,
    (SELECT count(*) FROM ingest_errors) AS ingest_errors;
