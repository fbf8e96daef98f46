-- `claims export`: one row per paper, however many digests list it.
SELECT * FROM papers ORDER BY paper_key;
