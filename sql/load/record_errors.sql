-- The problems of run $run_id (relation new_errors, registered by warehouse/load.py).
INSERT INTO ingest_errors BY NAME
SELECT $run_id AS run_id, * FROM new_errors;
