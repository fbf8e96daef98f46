-- `claims export`: one row per mention, with its paper and first listing.
SELECT * FROM claim_details ORDER BY digest, paper_idx, mention_idx;
