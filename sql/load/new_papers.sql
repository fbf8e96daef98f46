-- Before a digest's replacing transaction: which of its papers the warehouse has
-- never stored. Their rows can go in ahead of time, in committed chunks, because
-- nothing shows a paper until `digest_papers` links it (sql/load/replace_digest.sql
-- does that, atomically). A large digest then never needs one huge transaction.
CREATE OR REPLACE TEMP TABLE unseen_papers AS
SELECT paper_key, min(paper_idx) AS first_idx
FROM read_parquet($papers_path)
WHERE NOT list_contains($skipped_idx, paper_idx)
  AND paper_key NOT IN (SELECT paper_key FROM papers)
GROUP BY paper_key;

SELECT count(*) AS unseen, coalesce(max(first_idx), -1) AS last_idx FROM unseen_papers;
