-- The largest claimed speedups: every result multiplier whose metric goes up
-- ("2.62x faster", "46.7times faster training"), largest first, with its rank
-- among the claims on the same metric. `metric_family = 'speed'` narrows it to
-- speed proper; time or cost going down is in largest_reductions.sql. A factor
-- of 1 or less is no speedup (the spec states factors as 1 or more) and is left out.

WITH

multipliers AS (
    SELECT *
    FROM result_claims
    WHERE kind = 'multiplier'
      AND unit = 'x'
      AND direction = 'up'
      AND canonical_value > 1
),

ranked AS (
    SELECT
        *,
        coalesce(metric_key, '(no metric)') AS metric_group,
        rank() OVER (
            PARTITION BY coalesce(metric_key, '(no metric)')
            ORDER BY canonical_value DESC
        ) AS rank_in_metric
    FROM multipliers
),

final AS (
    SELECT
        canonical_value AS factor,
        canonical_value_high AS factor_high,
        qualifier,
        metric,
        metric_group AS metric_key,
        metric_family,
        rank_in_metric,
        baseline,
        text,
        title,
        arxiv_id,
        digest,
        digest_date,
        paper_idx,
        sentence
    FROM ranked
)

SELECT *
FROM final
ORDER BY factor DESC, metric_key, digest, paper_idx;
