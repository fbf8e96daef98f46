-- Registry entries that a lookup could not tell apart: a normalized alias that
-- names two entries, or two names that normalize to one key. warehouse/registries.py
-- refuses a registry with any, naming them.
WITH

all_aliases AS (
    SELECT 'benchmarks.csv' AS registry, alias_key, benchmark_key AS entry_key, name
    FROM benchmark_aliases
    UNION ALL
    SELECT 'subjects.csv' AS registry, alias_key, subject_key AS entry_key, name
    FROM subject_aliases
),

alias_clashes AS (
    SELECT registry, alias_key AS key, list(DISTINCT name ORDER BY name) AS names
    FROM all_aliases
    GROUP BY registry, alias_key
    HAVING count(DISTINCT entry_key) > 1
),

name_clashes AS (
    SELECT registry, entry_key AS key, list(DISTINCT name ORDER BY name) AS names
    FROM all_aliases
    GROUP BY registry, entry_key
    HAVING count(DISTINCT name) > 1
),

final AS (
    SELECT * FROM alias_clashes
    UNION
    SELECT * FROM name_clashes
)

SELECT registry, key, names
FROM final
ORDER BY registry, key;
