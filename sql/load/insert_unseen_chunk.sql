-- Papers $lo..$hi (by `unseen_papers.n`) of a digest, with their claims: one
-- committed chunk of the load, invisible until the digest's links are swapped in.
-- Semi-joins, so the hash tables hold the chunk's keys, never the abstracts.
INSERT INTO papers BY NAME
SELECT
    paper_key, arxiv_id, title, abstract, published, text_sha256,
    $extractor_version AS extractor_version
FROM read_parquet($papers_path)
WHERE paper_idx IN (SELECT first_idx FROM unseen_papers WHERE n BETWEEN $lo AND $hi);

INSERT INTO claims BY NAME
SELECT *
FROM read_parquet($claims_path)
WHERE paper_key IN (SELECT paper_key FROM unseen_papers WHERE n BETWEEN $lo AND $hi);
