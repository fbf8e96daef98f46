-- Views for ad-hoc SQL. Recreated by a writer whenever the schema files change.

-- One row per mention per digest: the shape of the gold files, plus context.
CREATE OR REPLACE VIEW claim_mentions AS
SELECT
    dp.digest,
    dp.paper_idx,
    p.title,
    p.arxiv_id,
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
    c.baseline,
    c.qualifier,
    c.benchmark,
    c.subject,
    c.sentence,
    c.rules,
    c.start_char,
    c.end_char,
    c.mention_idx,
    c.paper_key,
    c.extractor_version
FROM digest_papers AS dp
INNER JOIN papers AS p ON p.paper_key = dp.paper_key
INNER JOIN claims AS c ON c.paper_key = dp.paper_key;
