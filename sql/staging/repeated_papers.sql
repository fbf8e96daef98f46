-- Papers a digest lists again after their first listing (same paper_key): they are
-- extracted once, at the first. DuckDB does the grouping so that a digest of
-- millions of papers needs no set of every key in Python.
SELECT paper_idx
FROM read_parquet($papers_path)
QUALIFY row_number() OVER (PARTITION BY paper_key ORDER BY paper_idx) > 1;
