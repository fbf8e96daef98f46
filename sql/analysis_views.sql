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
