-- Macros and views for ad-hoc analysis, on top of views.sql. Recreated (after
-- views.sql) whenever the schema files change, so everything is CREATE OR REPLACE.
-- The queries in sql/analysis/ and `claims report` are written against these.

-- metric_key: a metric phrase normalized for GROUP BY, so that `top-1 accuracy`,
-- `Top1 acc.` and `top1` land in one group. Lower case, `acc.` spelled out,
-- `top 1`/`top1` written `top-1` (a bare `top-k` means its accuracy),
-- `pass @ 1` written `pass@1`, a trailing "score"/"rate" of FID dropped, spaces
-- collapsed. Null for a null or empty phrase.
CREATE OR REPLACE MACRO metric_key(metric) AS (
    WITH
        lowered AS (
            SELECT nullif(regexp_replace(lower(trim(metric)), '\s+', ' ', 'g'), '') AS m
        ),

        abbreviations_spelled_out AS (
            SELECT regexp_replace(m, '\bacc\b\.?', 'accuracy', 'g') AS m FROM lowered
        ),

        top_k_written_alike AS (
            SELECT regexp_replace(m, '\btop[ _-]?(\d+)\b', 'top-\1', 'g') AS m
            FROM abbreviations_spelled_out
        ),

        pass_at_k_written_alike AS (
            SELECT regexp_replace(m, '\bpass ?@ ?(\d+)', 'pass@\1', 'g') AS m
            FROM top_k_written_alike
        ),

        bare_top_k_is_accuracy AS (
            SELECT
                CASE
                    WHEN regexp_full_match(m, 'top-\d+') THEN m || ' accuracy'
                    ELSE m
                END AS m
            FROM pass_at_k_written_alike
        ),

        fid_named_alike AS (
            SELECT regexp_replace(m, '^fid (score|value)s?$', 'fid') AS m
            FROM bare_top_k_is_accuracy
        )

    SELECT trim(m, ' .,;:') FROM fid_named_alike
);

-- metric_family: a coarse bucket of a metric phrase (speed, time, memory, cost,
-- compute, steps, parameters, energy, data, accuracy, quality, error), for
-- "which resource got cheaper" questions. The first matching rule wins, so
-- `training step latency` is time and `sampling steps` is steps.
CREATE OR REPLACE MACRO metric_family(metric) AS (
    WITH normalized AS (SELECT metric_key(metric) AS m)
    SELECT
        CASE
            WHEN m IS NULL THEN NULL
            WHEN regexp_matches(m, 'speed|throughput|fast|acceleration|\bsps\b|per.second|/s\b|\bfps\b')
                THEN 'speed'
            WHEN regexp_matches(m, 'latency|wall.?clock|\btime\b|runtime|duration|hours?\b|days?\b')
                THEN 'time'
            WHEN regexp_matches(m, 'memory|kv.?cache|vram|storage')
                THEN 'memory'
            WHEN regexp_matches(m, 'cost|price|budget|expensive|\busd\b|dollar')
                THEN 'cost'
            WHEN regexp_matches(m, 'flop|compute|computation|\bmacs?\b')
                THEN 'compute'
            WHEN regexp_matches(m, 'step|iteration|epoch|function evaluation|\bnfe\b')
                THEN 'steps'
            WHEN regexp_matches(m, 'param|model size')
                THEN 'parameters'
            WHEN regexp_matches(m, 'energy|power|co2|emission|carbon|joule')
                THEN 'energy'
            WHEN regexp_matches(m, 'accuracy|top-\d|pass@|exact match|\bf1\b|success|solved|win rate|\bmap\b|recall|precision')
                THEN 'accuracy'
            WHEN regexp_matches(m, '\bfid\b|\bbleu\b|\brouge|perplexity|\bclip\b|\bpsnr\b|\bssim\b|\belo\b|quality|alignment|preference')
                THEN 'quality'
            WHEN regexp_matches(m, 'error|loss')
                THEN 'error'
            WHEN regexp_matches(m, 'data|sample|token|size|pairs')
                THEN 'data'
        END
    FROM normalized
);

-- baseline_key: a baseline name normalized for GROUP BY: lower case, without a
-- leading article or "off-the-shelf", spaces collapsed. Words such as
-- "standard" stay: "standard training" is not "training".
CREATE OR REPLACE MACRO baseline_key(baseline) AS (
    nullif(
        trim(regexp_replace(
            regexp_replace(lower(trim(baseline)), '\s+', ' ', 'g'),
            '^(the |a |an )?(off-the-shelf )?',
            ''
        ), ' .,;:'),
        ''
    )
);

-- name_chars: the last step of benchmark_norm and subject_norm: every character
-- but letters and digits dropped, except a point between digits (Human3.6M is not
-- Human36M, Qwen2.5-7B not Qwen2-57B). Null for nothing left. These macros are
-- plain expressions, not chains of CTEs: a view applies them to every result
-- value, and an expression costs nothing next to a subquery per call.
CREATE OR REPLACE MACRO name_chars(s) AS (
    nullif(
        replace(
            regexp_replace(
                -- `_` marks a kept point until the rest of the punctuation is gone
                regexp_replace(replace(s, '_', ' '), '(\d)\.(\d)', '\1_\2', 'g'),
                '[^a-z0-9_]',
                '',
                'g'
            ),
            '_',
            '.'
        ),
        ''
    )
);

-- benchmark_norm: a benchmark name as a key, so that `CIFAR-10`, `cifar10` and
-- `the CIFAR-10 dataset` meet: lower case, `+` spelled "plus" (so HumanEval+ is
-- not HumanEval), a leading "the" and a trailing "dataset"/"benchmark"/"test
-- set"/"split" dropped, then name_chars. Null for a null or empty name.
-- benchmark_key looks the result up in the registry.
CREATE OR REPLACE MACRO benchmark_norm(spelled) AS (
    name_chars(
        regexp_replace(
            regexp_replace(
                replace(regexp_replace(lower(trim(spelled)), '\s+', ' ', 'g'), '+', ' plus'),
                '^the ',
                ''
            ),
            '(\s+(data ?sets?|benchmarks?|suite|(test|validation|val|dev|evaluation)[ -](sets?|splits?)|splits?))+[\s.,;:]*$',
            ''
        )
    )
);

-- subject_words: a model or method name in lower case, spaces collapsed, without
-- a leading article or trailing punctuation.
CREATE OR REPLACE MACRO subject_words(spelled) AS (
    regexp_replace(regexp_replace(lower(trim(spelled, ' .,;:')), '\s+', ' ', 'g'), '^(the|a|an) ', '')
);

-- subject_norm: a model or method name as a key, so that `GPT-4o` and `GPT 4o`,
-- `LLaMA-2 7B` and `Llama 2 7B` meet: subject_words, `+` spelled "plus", then
-- name_chars. Null for a null or empty name and for a placeholder that names no
-- model ("our method", "ours", "the proposed model", "baselines"): placeholders
-- of different papers must not meet on a board.
CREATE OR REPLACE MACRO subject_norm(spelled) AS (
    CASE
        WHEN regexp_full_match(
            subject_words(spelled),
            '(ours|we|us|it|this|(our|this|proposed|our proposed)( (method|model|approach|framework|system|work|technique|algorithm|network|architecture|pipeline|solution)s?)?|(prior|previous|existing|baseline|competing|state-of-the-art|sota) ?(works?|methods?|models?|approaches|baselines?)?|baselines?)'
        ) THEN NULL
        ELSE name_chars(replace(subject_words(spelled), '+', ' plus'))
    END
);

-- The registries' aliases, normalized for lookups: one row per spelling (the
-- name itself included) and the key of the entry it spells. Rebuilt with the
-- views, so an edited CSV takes effect at the next writable connect.
CREATE OR REPLACE TABLE benchmark_aliases AS
WITH
    spellings AS (
        SELECT name, name AS spelling FROM benchmark_registry
        UNION
        SELECT name, alias AS spelling FROM benchmark_registry WHERE alias IS NOT NULL
    )

SELECT DISTINCT
    benchmark_norm(spelling) AS alias_key,
    benchmark_norm(name) AS benchmark_key,
    name
FROM spellings
WHERE benchmark_norm(spelling) IS NOT NULL;

CREATE OR REPLACE TABLE subject_aliases AS
WITH
    spellings AS (
        SELECT name, name AS spelling FROM subject_registry
        UNION
        SELECT name, alias AS spelling FROM subject_registry WHERE alias IS NOT NULL
    )

SELECT DISTINCT
    subject_norm(spelling) AS alias_key,
    subject_norm(name) AS subject_key,
    name
FROM spellings
WHERE subject_norm(spelling) IS NOT NULL;

-- benchmark_key: a benchmark name normalized for GROUP BY, spellings of one
-- registry entry together (`ImageNet`, `IN-1K` and `ILSVRC-2012` are all
-- `imagenet1k`, the key of ImageNet-1k); a name the registry does not know is
-- its benchmark_norm. benchmark_name gives a key's registry name.
CREATE OR REPLACE MACRO benchmark_key(spelled) AS (
    coalesce(
        (SELECT a.benchmark_key FROM benchmark_aliases AS a WHERE a.alias_key = benchmark_norm(spelled)),
        benchmark_norm(spelled)
    )
);

CREATE OR REPLACE MACRO benchmark_name(key) AS (
    (SELECT any_value(a.name) FROM benchmark_aliases AS a WHERE a.benchmark_key = key)
);

-- subject_key: a model or method name normalized for GROUP BY, through the
-- subject registry as benchmark_key goes through the benchmark registry; null
-- for placeholders such as "our method" (see subject_norm).
CREATE OR REPLACE MACRO subject_key(spelled) AS (
    coalesce(
        (SELECT a.subject_key FROM subject_aliases AS a WHERE a.alias_key = subject_norm(spelled)),
        subject_norm(spelled)
    )
);

-- metric_words: a metric phrase as its words between spaces (` top 1 error `), so
-- that a word or phrase is found in it by a plain substring search.
CREATE OR REPLACE MACRO metric_words(metric) AS (
    ' ' || trim(regexp_replace(lower(metric), '[^a-z0-9]+', ' ', 'g')) || ' '
);

-- metric_better: `higher` or `lower`, which way a metric_key is better, from
-- the metric registry: a `key` row naming the whole key, else the longest
-- `word` row found in it as a word or phrase (`top-1 error` is an error, lower),
-- else the `family` row of its metric_family. Null when the registry does not say.
CREATE OR REPLACE MACRO metric_better(key) AS (
    coalesce(
        (
            SELECT d.better
            FROM metric_direction_registry AS d
            WHERE d.match = 'key' AND d.name = key
        ),
        (
            SELECT d.better
            FROM metric_direction_registry AS d
            WHERE d.match = 'word'
              AND contains(metric_words(key), metric_words(d.name))
            ORDER BY length(d.name) DESC, d.name
            LIMIT 1
        ),
        (
            SELECT d.better
            FROM metric_direction_registry AS d
            WHERE d.match = 'family' AND d.name = metric_family(key)
        )
    )
);

-- benchmark_after: the benchmark a result names right after its number, as in
-- "70.8% on MATH" or "FID of 2.06 on ImageNet 256x256": a capitalized name
-- after "on"/"in" within the same clause. Null when there is none.
CREATE OR REPLACE MACRO benchmark_after(sentence, mention) AS (
    nullif(
        regexp_extract(
            substr(sentence, strpos(sentence, mention) + length(mention), 80),
            '^[^.;,()]{0,40}?\b(?:on|in)\s+(?:the\s+)?([A-Z][A-Za-z0-9]*(?:[-.@/][A-Za-z0-9]+)*(?:\s[A-Z0-9][A-Za-z0-9]*(?:[-.@/][A-Za-z0-9]+)*)?)',
            1
        ),
        ''
    )
);

-- One row per claim (any role), with its paper and the first digest that listed
-- the paper: a paper listed in several digests is counted once here, unlike in
-- claim_mentions (one row per mention per digest).
CREATE OR REPLACE VIEW claim_details AS
WITH
    first_listing AS (
        SELECT
            dp.paper_key,
            arg_min(dp.digest, (d.digest_date, dp.digest)) AS digest,
            arg_min(dp.paper_idx, (d.digest_date, dp.digest)) AS paper_idx,
            min(d.digest_date) AS digest_date,
            count(DISTINCT dp.digest) AS digest_count
        FROM digest_papers AS dp
        INNER JOIN digests AS d ON d.digest = dp.digest
        GROUP BY dp.paper_key
    )

SELECT
    c.paper_key,
    c.mention_idx,
    p.title,
    p.arxiv_id,
    p.published,
    fl.digest,
    fl.paper_idx,
    fl.digest_date,
    fl.digest_count,
    c.section,
    c.text,
    c.value,
    c.value_high,
    c.unit,
    c.canonical_value,
    c.canonical_value_high,
    c.kind,
    c.role,
    c.direction,
    c.metric,
    metric_key(c.metric) AS metric_key,
    metric_family(c.metric) AS metric_family,
    -- the extractor's benchmark; for rows extracted before it had one, the
    -- capitalized name after "on"/"in" in the sentence
    coalesce(c.benchmark, benchmark_after(c.sentence, c.text)) AS benchmark,
    c.subject,
    c.baseline,
    c.qualifier,
    c.sentence,
    c.rules,
    c.start_char,
    c.end_char
FROM claims AS c
INNER JOIN papers AS p ON p.paper_key = c.paper_key
INNER JOIN first_listing AS fl ON fl.paper_key = c.paper_key;

-- One row per result claim: what papers say they achieved, ready to GROUP BY
-- metric_key, metric_family, benchmark or baseline.
CREATE OR REPLACE VIEW result_claims AS
SELECT * EXCLUDE (role)
FROM claim_details
WHERE role = 'result';

-- One row per result claim and baseline it names: "LoRA and GaLore" counts for
-- LoRA and for GaLore. baseline_key groups spellings.
CREATE OR REPLACE VIEW baseline_claims AS
WITH
    named AS (
        SELECT *
        FROM result_claims
        WHERE baseline IS NOT NULL
    ),

    split AS (
        SELECT
            named.*,
            trim(part.name) AS baseline_name
        FROM named,
            unnest(string_split_regex(named.baseline, '\s*(?:,|;|\band\b|\bor\b)\s*')) AS part(name)
    )

SELECT
    * EXCLUDE (baseline_name),
    baseline_name,
    baseline_key(baseline_name) AS baseline_key
FROM split
WHERE baseline_key(baseline_name) IS NOT NULL;

-- One row per result value measured on a named benchmark (role=result,
-- kind=value): the spec's leaderboard candidates, with the benchmark, metric and
-- subject as written and as keys, and the paper. The subject may be null (no
-- model named); the leaderboard view keeps only the rows that have one.
CREATE OR REPLACE VIEW benchmark_mentions AS
WITH
    values_on_benchmarks AS (
        SELECT *
        FROM result_claims
        WHERE kind = 'value'
          AND benchmark IS NOT NULL
    ),

    keyed AS (
        SELECT
            *,
            benchmark_key(benchmark) AS benchmark_key,
            subject_key(subject) AS subject_key
        FROM values_on_benchmarks
    )

SELECT
    benchmark_key,
    benchmark,
    metric_key,
    metric,
    subject_key,
    subject,
    CAST(canonical_value AS DOUBLE) AS value,
    CAST(canonical_value_high AS DOUBLE) AS value_high,
    unit,
    qualifier,
    text,
    sentence,
    title,
    arxiv_id,
    published,
    digest,
    paper_idx,
    digest_date,
    paper_key,
    mention_idx
FROM keyed
WHERE benchmark_key IS NOT NULL;

-- One row per (benchmark_key, metric_key, unit, subject_key): the best value
-- claimed for that model on that benchmark's metric, which way is better
-- (metric_better; `higher` where the registry does not say), its rank among the
-- subjects of the board (the benchmark, metric and unit: values in different
-- units are not compared), and the claim behind it with its paper. A range
-- counts by its better end. Ties in value rank alike; the claim shown for a
-- subject is its best, then the earliest listed (or published).
CREATE OR REPLACE VIEW leaderboard AS
WITH
    entries AS (
        SELECT *
        FROM benchmark_mentions
        WHERE metric_key IS NOT NULL
          AND subject_key IS NOT NULL
    ),

    directions AS (
        SELECT
            metric_key,
            coalesce(metric_better(metric_key), 'higher') AS better
        FROM (SELECT DISTINCT metric_key FROM entries)
    ),

    scored AS (
        SELECT
            e.*,
            d.better,
            CASE
                WHEN d.better = 'lower' THEN least(e.value, coalesce(e.value_high, e.value))
                ELSE greatest(e.value, coalesce(e.value_high, e.value))
            END AS best_value
        FROM entries AS e
        INNER JOIN directions AS d ON d.metric_key = e.metric_key
    ),

    -- smaller is better whichever way the metric goes
    ordered AS (
        SELECT
            *,
            CASE WHEN better = 'lower' THEN best_value ELSE -best_value END AS badness
        FROM scored
    ),

    best_claim AS (
        SELECT *
        FROM ordered
        QUALIFY row_number() OVER (
            PARTITION BY benchmark_key, metric_key, unit, subject_key
            ORDER BY badness, coalesce(digest_date, published) NULLS LAST, arxiv_id NULLS LAST,
                paper_key, mention_idx
        ) = 1
    ),

    per_subject AS (
        SELECT
            benchmark_key,
            metric_key,
            unit,
            subject_key,
            count(DISTINCT paper_key) AS subject_papers,
            count(*) AS subject_claims
        FROM ordered
        GROUP BY benchmark_key, metric_key, unit, subject_key
    ),

    subject_spellings AS (
        SELECT benchmark_key, metric_key, unit, subject_key, subject
        FROM ordered
        GROUP BY benchmark_key, metric_key, unit, subject_key, subject
        QUALIFY row_number() OVER (
            PARTITION BY benchmark_key, metric_key, unit, subject_key
            ORDER BY count(*) DESC, subject
        ) = 1
    ),

    per_board AS (
        SELECT
            benchmark_key,
            metric_key,
            unit,
            count(DISTINCT paper_key) AS papers,
            count(DISTINCT subject_key) AS subjects,
            count(*) AS claims
        FROM ordered
        GROUP BY benchmark_key, metric_key, unit
    ),

    benchmark_spellings AS (
        SELECT benchmark_key, metric_key, unit, benchmark
        FROM ordered
        GROUP BY benchmark_key, metric_key, unit, benchmark
        QUALIFY row_number() OVER (
            PARTITION BY benchmark_key, metric_key, unit ORDER BY count(*) DESC, benchmark
        ) = 1
    ),

    metric_spellings AS (
        SELECT benchmark_key, metric_key, unit, metric
        FROM ordered
        GROUP BY benchmark_key, metric_key, unit, metric
        QUALIFY row_number() OVER (
            PARTITION BY benchmark_key, metric_key, unit ORDER BY count(*) DESC, metric
        ) = 1
    ),

    final AS (
        SELECT
            b.benchmark_key,
            coalesce(benchmark_name(b.benchmark_key), bs.benchmark) AS benchmark,
            b.metric_key,
            ms.metric,
            b.unit,
            b.better,
            rank() OVER (
                PARTITION BY b.benchmark_key, b.metric_key, b.unit ORDER BY b.badness
            ) AS rank,
            b.subject_key,
            sp.subject,
            b.best_value AS value,
            b.qualifier,
            b.text,
            b.sentence,
            b.title,
            b.arxiv_id,
            b.published,
            b.digest,
            b.paper_idx,
            b.digest_date,
            b.paper_key,
            b.mention_idx,
            ps.subject_papers,
            ps.subject_claims,
            pb.papers,
            pb.subjects,
            pb.claims
        FROM best_claim AS b
        INNER JOIN per_subject AS ps USING (benchmark_key, metric_key, unit, subject_key)
        INNER JOIN subject_spellings AS sp USING (benchmark_key, metric_key, unit, subject_key)
        INNER JOIN per_board AS pb USING (benchmark_key, metric_key, unit)
        INNER JOIN benchmark_spellings AS bs USING (benchmark_key, metric_key, unit)
        INNER JOIN metric_spellings AS ms USING (benchmark_key, metric_key, unit)
    )

SELECT *
FROM final;
