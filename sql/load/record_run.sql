-- Log one ingest attempt and its problems; returns the new run_id.
INSERT INTO ingest_runs BY NAME
SELECT * FROM new_run
RETURNING run_id;
