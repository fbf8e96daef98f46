-- Replace everything one digest contributes. The caller runs this inside one
-- transaction, so a query sees the old digest or the new one, never a mix.
-- Papers the warehouse had never stored went in before, in committed chunks
-- (sql/load/new_papers.sql, insert_unseen_chunk.sql), unlinked and so unseen;
-- this transaction replaces the papers it already held and swaps in the links.
-- Parameters: $digest, the staged Parquet files $papers_path and $claims_path,
-- $skipped_idx (papers the extractor failed on: reported, not loaded), and the
-- digest row's fields.

-- Only keys are held in temporary tables; the text goes from Parquet straight
-- into `papers`, so a large digest costs no extra copies of its abstracts.
CREATE OR REPLACE TEMP TABLE new_digest_papers AS
SELECT $digest AS digest, paper_idx, paper_key
FROM read_parquet($papers_path)
WHERE NOT list_contains($skipped_idx, paper_idx);

-- The papers to replace: listed in the digest, stored before this load began.
CREATE OR REPLACE TEMP TABLE new_papers AS
SELECT DISTINCT paper_key FROM new_digest_papers
WHERE paper_key NOT IN (SELECT paper_key FROM unseen_papers);

DELETE FROM digest_papers WHERE digest = $digest;

DELETE FROM digests WHERE digest = $digest;

-- What another extractor version said about these papers moves to the archive.
DELETE FROM claims_archive AS a
WHERE a.paper_key IN (SELECT paper_key FROM new_papers)
  AND a.extractor_version <> $extractor_version
  AND EXISTS (
      SELECT 1 FROM claims AS c
      WHERE c.paper_key = a.paper_key AND c.extractor_version = a.extractor_version
  );

INSERT INTO claims_archive BY NAME
SELECT *, current_localtimestamp() AS archived_at
FROM claims
WHERE paper_key IN (SELECT paper_key FROM new_papers)
  AND extractor_version <> $extractor_version;

-- A paper is stored once: its latest text and claims replace the earlier ones.
DELETE FROM claims WHERE paper_key IN (SELECT paper_key FROM new_papers);

DELETE FROM papers WHERE paper_key IN (SELECT paper_key FROM new_papers);

-- A paper listed twice in the digest is stored once, from its first listing
-- (a semi-join, not a sort, so the abstracts stream through).
INSERT INTO papers BY NAME
SELECT
    paper_key, arxiv_id, title, abstract, published, text_sha256,
    $extractor_version AS extractor_version
FROM read_parquet($papers_path)
WHERE paper_idx IN (
    SELECT min(paper_idx) FROM new_digest_papers
    WHERE paper_key IN (SELECT paper_key FROM new_papers)
    GROUP BY paper_key
);

INSERT INTO claims BY NAME
SELECT * EXCLUDE (paper_idx) FROM read_parquet($claims_path)
WHERE paper_key IN (SELECT paper_key FROM new_papers);

INSERT INTO digest_papers BY NAME SELECT * FROM new_digest_papers;

INSERT INTO digests BY NAME
SELECT
    $digest AS digest,
    $source_path AS source_path,
    $format AS format,
    CAST($digest_date AS DATE) AS digest_date,
    $content_sha256 AS content_sha256,
    (SELECT count(*) FROM new_digest_papers) AS paper_count,
    (SELECT count(*) FROM claims WHERE paper_key IN (SELECT paper_key FROM new_digest_papers))
        AS mention_count,
    $extractor_version AS extractor_version,
    CAST($ingested_at AS TIMESTAMP) AS ingested_at;

-- Papers no digest lists any more: this digest's former papers, and any left
-- unlinked by a load that was killed before this point.
DELETE FROM claims WHERE paper_key NOT IN (SELECT paper_key FROM digest_papers);

DELETE FROM papers WHERE paper_key NOT IN (SELECT paper_key FROM digest_papers);

DROP TABLE new_papers;

DROP TABLE new_digest_papers;

DROP TABLE unseen_papers;
