-- Replace everything one digest contributes. The caller runs this inside one
-- transaction, so a query sees the old digest or the new one, never a mix.
-- Inputs: relations new_digest (one row), new_papers, new_digest_papers and
-- new_claims registered by warehouse/load.py, and the parameter $digest.

CREATE OR REPLACE TEMP TABLE replaced_paper_keys AS
SELECT DISTINCT paper_key FROM digest_papers WHERE digest = $digest;

DELETE FROM digest_papers WHERE digest = $digest;

DELETE FROM digests WHERE digest = $digest;

-- A paper is stored once: its latest text and claims replace the earlier ones.
DELETE FROM claims WHERE paper_key IN (SELECT paper_key FROM new_papers);

DELETE FROM papers WHERE paper_key IN (SELECT paper_key FROM new_papers);

INSERT INTO papers BY NAME SELECT * FROM new_papers;

INSERT INTO claims BY NAME SELECT * FROM new_claims;

INSERT INTO digest_papers BY NAME SELECT * FROM new_digest_papers;

INSERT INTO digests BY NAME SELECT * FROM new_digest;

-- Papers this digest listed before that no digest lists any more.
DELETE FROM claims
WHERE paper_key IN (SELECT paper_key FROM replaced_paper_keys)
  AND paper_key NOT IN (SELECT paper_key FROM digest_papers);

DELETE FROM papers
WHERE paper_key IN (SELECT paper_key FROM replaced_paper_keys)
  AND paper_key NOT IN (SELECT paper_key FROM digest_papers);

DROP TABLE replaced_paper_keys;
