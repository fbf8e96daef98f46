-- Claims with no paper, and digest links with no paper, anywhere in the warehouse.
SELECT
    (SELECT count(*) FROM claims WHERE paper_key NOT IN (SELECT paper_key FROM papers))
    + (SELECT count(*) FROM digest_papers WHERE paper_key NOT IN (SELECT paper_key FROM papers))
    AS failures;
