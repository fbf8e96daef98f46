-- Compute and money per paper: the largest GPU/TPU time, amount of compute
-- (FLOP) and sum of money (USD) each paper mentions, with the mentions behind
-- them. The largest, not the sum: papers often state their cost next to the
-- baseline's ("675 vs. 6,250 A100 GPU days"), and the two are not additive.
-- Setup figures count too (what a run used is often stated as a setting).

WITH

resource_mentions AS (
    SELECT *
    FROM claim_details
    WHERE unit IN ('GPU_hour', 'FLOP', 'USD')
),

per_paper AS (
    SELECT
        paper_key,
        any_value(title) AS title,
        any_value(arxiv_id) AS arxiv_id,
        any_value(digest) AS digest,
        any_value(digest_date) AS digest_date,
        any_value(paper_idx) AS paper_idx,
        max(greatest(canonical_value, coalesce(canonical_value_high, canonical_value)))
            FILTER (WHERE unit = 'GPU_hour') AS max_gpu_hours,
        max(greatest(canonical_value, coalesce(canonical_value_high, canonical_value)))
            FILTER (WHERE unit = 'FLOP') AS max_flop,
        max(greatest(canonical_value, coalesce(canonical_value_high, canonical_value)))
            FILTER (WHERE unit = 'USD') AS max_usd,
        count(*) AS mentions,
        string_agg(text || ' [' || unit || ', ' || role || ']', '; ' ORDER BY start_char)
            AS evidence
    FROM resource_mentions
    GROUP BY paper_key
),

final AS (
    SELECT
        title,
        arxiv_id,
        digest,
        digest_date,
        paper_idx,
        max_gpu_hours,
        max_flop,
        max_usd,
        mentions,
        evidence
    FROM per_paper
)

SELECT *
FROM final
ORDER BY max_usd DESC NULLS LAST, max_gpu_hours DESC NULLS LAST, max_flop DESC NULLS LAST,
    digest, paper_idx;
