-- `claims export`: one row per result claim and baseline it names.
SELECT * FROM baseline_claims ORDER BY digest, paper_idx, mention_idx, baseline_name;
