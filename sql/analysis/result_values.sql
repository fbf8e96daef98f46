-- Result values per metric and benchmark: the absolute numbers papers report
-- for what they achieved (accuracy, FID, pass@1, BLEU, success rate), grouped by
-- the normalized metric, the benchmark named after the number ("70.8% on
-- MATH", spellings such as CIFAR-10/CIFAR10 together) and the unit, with their
-- spread and the papers behind them. Both ends of a range or a before/after pair
-- ("from 67.2% to 80.0%") are values. Resource figures (time, memory, cost,
-- steps) are not scores and are left out.

WITH

scores AS (
    SELECT *
    FROM result_claims
    WHERE kind = 'value'
      AND unit IN ('%', 'pp', 'score')
      AND metric_key IS NOT NULL
),

points AS (
    SELECT
        scores.*,
        lower(regexp_replace(coalesce(benchmark, ''), '[^A-Za-z0-9]', '', 'g')) AS benchmark_key,
        point.v AS point_value
    FROM scores,
        unnest(list_filter([canonical_value, canonical_value_high], x -> x IS NOT NULL))
            AS point(v)
),

grouped AS (
    SELECT
        metric_key,
        benchmark_key,
        unit,
        coalesce(mode(benchmark), '(unnamed)') AS benchmark,
        count(DISTINCT (paper_key, mention_idx)) AS claims,
        count(DISTINCT paper_key) AS papers,
        min(point_value) AS min_value,
        median(point_value) AS median_value,
        max(point_value) AS max_value,
        list(point_value ORDER BY point_value) AS "values",
        mode(metric) AS metric,
        string_agg(DISTINCT title, ' | ') AS paper_titles
    FROM points
    GROUP BY metric_key, benchmark_key, unit
),

final AS (
    SELECT
        metric_key,
        benchmark,
        unit,
        claims,
        papers,
        min_value,
        median_value,
        max_value,
        "values",
        metric,
        sum(claims) OVER (PARTITION BY metric_key) AS metric_claims,
        paper_titles
    FROM grouped
)

SELECT *
FROM final
ORDER BY metric_claims DESC, metric_key, claims DESC, benchmark;
