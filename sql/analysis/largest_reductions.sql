-- The largest claimed reductions of a resource: memory, steps, cost, time and
-- latency, compute, parameters, energy, data. Multipliers ("500X reduction in
-- inference cost") and percentage changes ("reduces KV cache memory by 62%")
-- are put on one scale, the reduction factor old/new: 62% less is 2.63x, so
-- both sort and plot together. A cut of 100% or more has no finite factor and
-- is left out, and so is a "factor" of 1 or less (the spec states factors as 1
-- or more, so such a row is a misreading, not a reduction).

WITH

decreases AS (
    SELECT *
    FROM result_claims
    WHERE direction = 'down'
      AND metric_family IN (
          'memory', 'steps', 'cost', 'time', 'compute', 'parameters', 'energy', 'data'
      )
      AND (
          (kind = 'multiplier' AND unit = 'x' AND canonical_value > 1)
          OR (kind = 'change' AND unit = '%' AND canonical_value < 100)
      )
),

on_one_scale AS (
    SELECT
        *,
        CASE
            WHEN kind = 'multiplier' THEN canonical_value
            ELSE 100.0 / (100.0 - canonical_value)
        END AS reduction_factor
    FROM decreases
),

final AS (
    SELECT
        round(reduction_factor, 3) AS reduction_factor,
        round(100.0 * (1.0 - 1.0 / reduction_factor), 1) AS percent_saved,
        metric_family,
        metric_key,
        metric,
        kind,
        text,
        qualifier,
        baseline,
        title,
        arxiv_id,
        digest,
        digest_date,
        paper_idx,
        sentence
    FROM on_one_scale
)

SELECT *
FROM final
ORDER BY reduction_factor DESC, metric_family, digest, paper_idx;
