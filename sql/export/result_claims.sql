-- `claims export`: one row per result claim.
SELECT * FROM result_claims ORDER BY digest, paper_idx, mention_idx;
