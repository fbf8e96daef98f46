-- For benchmarks/leaderboard.py only, on a copy of a warehouse: until the
-- extractor fills `benchmark` and `subject`, give every result value the
-- capitalized name after "on"/"in" as its benchmark and the part of its paper's
-- title before a colon ("VisionNet: A Backbone..." -> VisionNet) as its subject,
-- so that the boards are as full as real ones would be.
UPDATE claims
SET
    benchmark = coalesce(claims.benchmark, benchmark_after(claims.sentence, claims.text)),
    subject = coalesce(
        claims.subject,
        CASE WHEN strpos(p.title, ':') BETWEEN 2 AND 40 THEN split_part(p.title, ':', 1) END
    )
FROM papers AS p
WHERE p.paper_key = claims.paper_key
  AND claims.role = 'result'
  AND claims.kind = 'value';
