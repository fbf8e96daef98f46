-- The unseen papers first listed at positions $lo..$hi of a digest, with their
-- claims: one committed chunk of the load, invisible until the digest's links are
-- swapped in. The constant range lets the Parquet scans skip every row group
-- outside the chunk (staged files are in listing order), so a load reads each
-- file about once however many chunks it takes; the semi-joins hold keys, never
-- abstracts.
INSERT INTO papers BY NAME
SELECT
    paper_key, arxiv_id, title, abstract, published, text_sha256,
    $extractor_version AS extractor_version
FROM read_parquet($papers_path)
WHERE paper_idx BETWEEN $lo AND $hi
  AND paper_idx IN (SELECT first_idx FROM unseen_papers WHERE first_idx BETWEEN $lo AND $hi);

INSERT INTO claims BY NAME
SELECT * EXCLUDE (paper_idx)
FROM read_parquet($claims_path)
WHERE paper_idx BETWEEN $lo AND $hi
  AND paper_key IN (SELECT paper_key FROM unseen_papers WHERE first_idx BETWEEN $lo AND $hi);
