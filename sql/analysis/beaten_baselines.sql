-- The baselines most often claimed to be beaten: every result claim that names
-- what it is compared against counts for each baseline it names ("LoRA and
-- GaLore" counts for both), grouped across spellings. Ranked by how many papers
-- make such a claim, then by claims; with those papers and their best factor.

WITH

claims_against AS (
    SELECT *
    FROM baseline_claims
),

per_baseline AS (
    SELECT
        baseline_key,
        mode(baseline_name) AS baseline,
        count(DISTINCT paper_key) AS papers,
        count(*) AS claims,
        count(*) FILTER (WHERE kind = 'multiplier') AS multiplier_claims,
        max(canonical_value) FILTER (WHERE kind = 'multiplier') AS largest_factor,
        string_agg(DISTINCT coalesce(metric_key, '?'), ', ') AS metrics,
        string_agg(DISTINCT title, ' | ') AS paper_titles,
        list(DISTINCT digest || '#' || paper_idx) AS paper_refs
    FROM claims_against
    GROUP BY baseline_key
),

final AS (
    SELECT
        baseline,
        baseline_key,
        papers,
        claims,
        multiplier_claims,
        largest_factor,
        metrics,
        paper_titles,
        list_sort(paper_refs) AS paper_refs
    FROM per_baseline
)

SELECT *
FROM final
ORDER BY papers DESC, claims DESC, baseline_key;
