-- An `unchanged` run found without re-reading the file: the same bytes give the
-- same read problems, so run $run_id records the ones run $previous_run_id
-- recorded, as a run that read the file again would.
INSERT INTO ingest_errors BY NAME
SELECT $run_id AS run_id, digest, paper_idx, stage, severity, message, excerpt
FROM ingest_errors
WHERE run_id = $previous_run_id AND stage = 'read';
