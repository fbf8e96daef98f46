-- The benchmarks that have a leaderboard, the ones spelled most like $name first
-- (then the most reported): what `claims leaderboard BENCHMARK` suggests when
-- BENCHMARK has no board.
WITH

per_benchmark AS (
    SELECT
        benchmark_key,
        any_value(benchmark) AS benchmark,
        max(papers) AS papers
    FROM leaderboard
    GROUP BY benchmark_key
),

scored AS (
    SELECT
        *,
        jaro_winkler_similarity(benchmark_key, coalesce(benchmark_key($name), '')) AS likeness
    FROM per_benchmark
)

SELECT benchmark, benchmark_key, papers, likeness
FROM scored
ORDER BY likeness DESC, papers DESC, benchmark_key;
