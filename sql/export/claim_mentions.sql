-- `claims export`: one row per mention per digest (the gold files' shape).
SELECT * FROM claim_mentions ORDER BY digest, paper_idx, mention_idx;
