-- Leaderboards: which model scored what on which benchmark, best first. A board
-- is a benchmark, a metric and a unit (the `leaderboard` view: one row per
-- subject, its best claimed value, the paper behind it). Run as it is (or with
-- `claims sql --file`), it shows the boards reported by the most papers, ten of
-- them, five rows each. `claims leaderboard` sets the variables it reads first:
-- leaderboard_benchmark (one benchmark, matched through benchmark_key, all its
-- boards and rows), leaderboard_metric (boards whose metric_key holds
-- metric_key(M)) and leaderboard_limit (rows per board).

WITH

request AS (
    SELECT
        benchmark_key(getvariable('leaderboard_benchmark')) AS benchmark_key,
        metric_key(getvariable('leaderboard_metric')) AS metric_key,
        CAST(getvariable('leaderboard_limit') AS INTEGER) AS row_limit
),

-- the view once, not once per use below
board_rows AS MATERIALIZED (
    SELECT *
    FROM leaderboard
),

boards AS (
    SELECT
        benchmark_key,
        metric_key,
        unit,
        any_value(papers) AS papers,
        any_value(subjects) AS subjects,
        any_value(claims) AS claims
    FROM board_rows
    GROUP BY benchmark_key, metric_key, unit
),

chosen_boards AS (
    SELECT
        boards.*,
        row_number() OVER (
            ORDER BY boards.papers DESC, boards.claims DESC, boards.subjects DESC,
                boards.benchmark_key, boards.metric_key, boards.unit
        ) AS board,
        request.benchmark_key IS NULL AS overview
    FROM boards, request
    WHERE (request.benchmark_key IS NULL OR boards.benchmark_key = request.benchmark_key)
      AND (request.metric_key IS NULL OR contains(boards.metric_key, request.metric_key))
),

shown_boards AS (
    SELECT *
    FROM chosen_boards
    WHERE NOT overview OR board <= 10
),

entries AS (
    SELECT
        sb.board,
        l.*,
        row_number() OVER (
            PARTITION BY sb.board ORDER BY l.rank, l.subject_key
        ) AS position,
        coalesce(request.row_limit, CASE WHEN sb.overview THEN 5 END) AS row_limit
    FROM board_rows AS l
    INNER JOIN shown_boards AS sb USING (benchmark_key, metric_key, unit)
    CROSS JOIN request
),

final AS (
    SELECT
        board,
        benchmark,
        metric,
        unit,
        better,
        rank,
        subject,
        value,
        qualifier,
        text,
        title,
        arxiv_id,
        digest_date,
        published,
        papers,
        subjects,
        benchmark_key,
        metric_key,
        subject_key,
        digest,
        paper_idx
    FROM entries
    WHERE row_limit IS NULL OR position <= row_limit
)

SELECT *
FROM final
ORDER BY board, rank, subject_key;
