-- Mentions added, removed and changed between extractor versions $from and $to,
-- over the digests loaded under both. A mention is the same mention in both when
-- its paper, section and character span agree; it changed when any of value,
-- unit, kind, direction, metric or baseline differ.
WITH all_versions AS (
    SELECT * FROM claims
    UNION ALL BY NAME
    SELECT * EXCLUDE (archived_at) FROM claims_archive
),

digests_under_both AS (
    SELECT digest FROM ingest_runs WHERE status = 'loaded' AND extractor_version = $from
    INTERSECT
    SELECT digest FROM ingest_runs WHERE status = 'loaded' AND extractor_version = $to
),

papers_in_scope AS (
    SELECT DISTINCT paper_key
    FROM digest_papers
    WHERE digest IN (SELECT digest FROM digests_under_both)
),

old AS (
    SELECT * FROM all_versions
    WHERE extractor_version = $from AND paper_key IN (SELECT paper_key FROM papers_in_scope)
),

new AS (
    SELECT * FROM all_versions
    WHERE extractor_version = $to AND paper_key IN (SELECT paper_key FROM papers_in_scope)
),

paired AS (
    SELECT
        coalesce(new.paper_key, old.paper_key) AS paper_key,
        coalesce(new.section, old.section) AS section,
        coalesce(new.start_char, old.start_char) AS start_char,
        coalesce(new.end_char, old.end_char) AS end_char,
        coalesce(new.text, old.text) AS text,
        CASE
            WHEN old.paper_key IS NULL THEN 'added'
            WHEN new.paper_key IS NULL THEN 'removed'
            ELSE 'changed'
        END AS change,
        list_filter(
            [
                CASE WHEN old.value IS DISTINCT FROM new.value
                    OR old.value_high IS DISTINCT FROM new.value_high THEN 'value' END,
                CASE WHEN old.unit IS DISTINCT FROM new.unit THEN 'unit' END,
                CASE WHEN old.kind IS DISTINCT FROM new.kind THEN 'kind' END,
                CASE WHEN old.direction IS DISTINCT FROM new.direction THEN 'direction' END,
                CASE WHEN old.metric IS DISTINCT FROM new.metric THEN 'metric' END,
                CASE WHEN old.baseline IS DISTINCT FROM new.baseline THEN 'baseline' END
            ],
            f -> f IS NOT NULL
        ) AS changed_fields,
        old.value AS old_value, new.value AS new_value,
        old.unit AS old_unit, new.unit AS new_unit,
        old.kind AS old_kind, new.kind AS new_kind,
        old.direction AS old_direction, new.direction AS new_direction,
        old.metric AS old_metric, new.metric AS new_metric,
        old.baseline AS old_baseline, new.baseline AS new_baseline,
        coalesce(new.unit, old.unit) AS unit,
        coalesce(new.kind, old.kind) AS kind
    FROM old
    FULL OUTER JOIN new
        ON old.paper_key = new.paper_key
        AND old.section = new.section
        AND old.start_char = new.start_char
        AND old.end_char = new.end_char
)

SELECT p.title, paired.*
FROM paired
LEFT JOIN papers AS p ON p.paper_key = paired.paper_key
WHERE change <> 'changed' OR len(changed_fields) > 0
ORDER BY change, p.title, section, start_char;
