-- Remove everything one digest contributed, as if it had never been ingested:
-- its row, its listing, its ingest runs and errors, and the papers (with their
-- claims and archived claims) that no other digest lists. Papers another digest
-- still lists stay, untouched. The caller runs this inside one transaction.
-- Returns the papers removed, the papers kept for other digests, and the
-- mentions removed with their papers.

CREATE OR REPLACE TEMP TABLE removed_papers AS
SELECT paper_key FROM digest_papers WHERE digest = $digest
EXCEPT
SELECT paper_key FROM digest_papers WHERE digest <> $digest;

CREATE OR REPLACE TEMP TABLE kept_papers AS
SELECT paper_key FROM digest_papers WHERE digest = $digest
INTERSECT
SELECT paper_key FROM digest_papers WHERE digest <> $digest;

CREATE OR REPLACE TEMP TABLE removed_mentions AS
SELECT count(*) AS n FROM claims WHERE paper_key IN (SELECT paper_key FROM removed_papers);

DELETE FROM digest_papers WHERE digest = $digest;

DELETE FROM digests WHERE digest = $digest;

DELETE FROM ingest_errors WHERE digest = $digest;

DELETE FROM ingest_runs WHERE digest = $digest;

DELETE FROM claims_archive WHERE paper_key IN (SELECT paper_key FROM removed_papers);

DELETE FROM claims WHERE paper_key IN (SELECT paper_key FROM removed_papers);

DELETE FROM papers WHERE paper_key IN (SELECT paper_key FROM removed_papers);

SELECT
    (SELECT count(*) FROM removed_papers) AS papers_removed,
    (SELECT count(*) FROM kept_papers) AS papers_kept,
    (SELECT n FROM removed_mentions) AS mentions_removed;
