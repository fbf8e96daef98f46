-- The mentions of digest $digest in the gold-file shape, for `claims eval`.
SELECT
    paper_idx AS paper,
    section AS "in",
    text,
    value,
    value_high,
    unit,
    canonical_value,
    canonical_value_high,
    kind,
    role,
    direction,
    metric,
    baseline,
    qualifier,
    benchmark,
    subject
FROM claim_mentions
WHERE digest = $digest
ORDER BY paper_idx, section DESC, start_char;
