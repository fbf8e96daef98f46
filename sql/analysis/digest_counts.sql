-- Counts per digest over time: papers and mentions each digest brought, split
-- by role and kind, in date order with running totals. A paper listed in two
-- digests counts in both (claim_mentions is per digest).

WITH

digests_by_date AS (
    SELECT digest, digest_date, paper_count, ingested_at
    FROM digests
),

mention_counts AS (
    SELECT
        digest,
        count(*) AS mentions,
        count(*) FILTER (WHERE role = 'result') AS result_mentions,
        count(*) FILTER (WHERE role = 'setup') AS setup_mentions,
        count(*) FILTER (WHERE kind = 'multiplier') AS multipliers,
        count(*) FILTER (WHERE kind = 'change') AS changes,
        count(*) FILTER (WHERE kind = 'proportion') AS proportions,
        count(*) FILTER (WHERE kind = 'value') AS "values",
        count(DISTINCT paper_key) AS papers_with_mentions
    FROM claim_mentions
    GROUP BY digest
),

joined AS (
    SELECT
        d.digest,
        d.digest_date,
        d.paper_count AS papers,
        coalesce(m.papers_with_mentions, 0) AS papers_with_mentions,
        coalesce(m.mentions, 0) AS mentions,
        coalesce(m.result_mentions, 0) AS result_mentions,
        coalesce(m.setup_mentions, 0) AS setup_mentions,
        coalesce(m.multipliers, 0) AS multipliers,
        coalesce(m.changes, 0) AS changes,
        coalesce(m.proportions, 0) AS proportions,
        coalesce(m."values", 0) AS "values"
    FROM digests_by_date AS d
    LEFT JOIN mention_counts AS m ON m.digest = d.digest
),

final AS (
    SELECT
        *,
        round(mentions / nullif(papers, 0), 2) AS mentions_per_paper,
        sum(papers) OVER running AS running_papers,
        sum(mentions) OVER running AS running_mentions
    FROM joined
    WINDOW running AS (ORDER BY digest_date NULLS LAST, digest ROWS UNBOUNDED PRECEDING)
)

SELECT *
FROM final
ORDER BY digest_date NULLS LAST, digest;
