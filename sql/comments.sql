-- Descriptions of the warehouse's tables, views and columns, kept by DuckDB
-- (duckdb_tables().comment, duckdb_columns().comment) and shown as the Dagster
-- assets' column schema. Applied after the views (warehouse/connection.py),
-- since re-creating a view drops its comments.

COMMENT ON TABLE digests IS 'One row per digest file; its name is the Dagster partition key.';
COMMENT ON COLUMN digests.digest IS 'The file name: the digest''s key and its Dagster partition.';
COMMENT ON COLUMN digests.source_path IS 'Where the loaded version was read from.';
COMMENT ON COLUMN digests.format IS '''digest'' (page text) or ''jsonl'' (JSON Lines of papers).';
COMMENT ON COLUMN digests.digest_date IS 'The page''s date line; null for JSON Lines spanning several days.';
COMMENT ON COLUMN digests.content_sha256 IS 'SHA-256 of the raw file bytes: the same bytes again are an unchanged run.';
COMMENT ON COLUMN digests.paper_count IS 'Papers loaded (broken ones are in ingest_errors).';
COMMENT ON COLUMN digests.mention_count IS 'Mentions of the loaded papers.';
COMMENT ON COLUMN digests.extractor_version IS 'The extractor version that produced the digest''s claims.';
COMMENT ON COLUMN digests.ingested_at IS 'When the loaded version was ingested (local time).';

COMMENT ON TABLE papers IS 'One row per paper, however many digests list it; the latest text seen.';
COMMENT ON COLUMN papers.paper_key IS 'The arXiv id where the source gives one, else a hash of the normalized title.';
COMMENT ON COLUMN papers.arxiv_id IS 'arXiv id, from JSON Lines input; null for digest pages.';
COMMENT ON COLUMN papers.title IS 'The title, whitespace collapsed.';
COMMENT ON COLUMN papers.abstract IS 'The abstract, whitespace collapsed; mention offsets point into it.';
COMMENT ON COLUMN papers.published IS 'Publication date where the source gives one.';
COMMENT ON COLUMN papers.text_sha256 IS 'Hash of title and abstract: an edited paper gets new claims.';
COMMENT ON COLUMN papers.extractor_version IS 'The extractor version that produced the paper''s claims.';

COMMENT ON TABLE digest_papers IS 'Which papers a digest lists, at which position.';
COMMENT ON COLUMN digest_papers.digest IS 'The digest (digests.digest).';
COMMENT ON COLUMN digest_papers.paper_idx IS '0-based position of the paper in the digest, in file order (the gold files'' paper).';
COMMENT ON COLUMN digest_papers.paper_key IS 'The paper (papers.paper_key).';

COMMENT ON TABLE claims IS 'One row per quantity mention in a paper''s title or abstract (claims-spec.md).';
COMMENT ON COLUMN claims.paper_key IS 'The paper (papers.paper_key).';
COMMENT ON COLUMN claims.mention_idx IS 'Order of the mention within its paper.';
COMMENT ON COLUMN claims.section IS '''title'' or ''abstract'': where the mention is.';
COMMENT ON COLUMN claims.start_char IS 'Offset of text in the section (0-based, inclusive).';
COMMENT ON COLUMN claims.end_char IS 'Offset of the end of text in the section (exclusive).';
COMMENT ON COLUMN claims.text IS 'The shortest exact substring holding the number(s) and their unit.';
COMMENT ON COLUMN claims.value IS 'The number with magnitude suffixes applied (10M is 10000000, 80% is 80).';
COMMENT ON COLUMN claims.value_high IS 'The other end of a range, else null.';
COMMENT ON COLUMN claims.unit IS 'One of the spec''s canonical units (x, %, pp, second, GPU_hour, FLOP, ...).';
COMMENT ON COLUMN claims.canonical_value IS 'value converted to the canonical unit (12 hours is 43200 second).';
COMMENT ON COLUMN claims.canonical_value_high IS 'value_high converted to the canonical unit.';
COMMENT ON COLUMN claims.kind IS 'multiplier, change, proportion or value.';
COMMENT ON COLUMN claims.role IS 'result (what the paper claims it achieved) or setup (sizes and settings).';
COMMENT ON COLUMN claims.direction IS 'For multiplier and change: up or down, as the metric moves; else null.';
COMMENT ON COLUMN claims.metric IS 'Short phrase for what is measured, from the text; null if none.';
COMMENT ON COLUMN claims.baseline IS 'What it is compared against, from the text; null if none.';
COMMENT ON COLUMN claims.qualifier IS '= (default), ~, <=, >=, < or >.';
COMMENT ON COLUMN claims.sentence IS 'The sentence holding the mention.';
COMMENT ON COLUMN claims.benchmark IS 'Result mentions: the dataset, benchmark or test set the number was measured on, as the text names it.';
COMMENT ON COLUMN claims.subject IS 'Result mentions: the model, method or system the number belongs to, as the text names it.';
COMMENT ON COLUMN claims.rules IS 'Ids of the rules that found the number, read its unit and decided its fields (extractors/rules.toml and the rule code).';
COMMENT ON COLUMN claims.extractor_version IS 'The extractor version that found the mention.';

COMMENT ON TABLE ingest_runs IS 'One row per attempt to ingest a digest, whatever its outcome.';
COMMENT ON COLUMN ingest_runs.run_id IS 'Sequence number of the attempt.';
COMMENT ON COLUMN ingest_runs.digest IS 'The digest the attempt was for.';
COMMENT ON COLUMN ingest_runs.source_path IS 'The file read.';
COMMENT ON COLUMN ingest_runs.dagster_run_id IS 'The Dagster run; null when claims ingest answered unchanged without one.';
COMMENT ON COLUMN ingest_runs.started_at IS 'When the attempt started (local time).';
COMMENT ON COLUMN ingest_runs.finished_at IS 'When it was recorded (local time).';
COMMENT ON COLUMN ingest_runs.status IS 'loaded (rows replaced), unchanged (same bytes and extractor) or refused (not a digest).';
COMMENT ON COLUMN ingest_runs.papers_read IS 'Papers found in the file.';
COMMENT ON COLUMN ingest_runs.papers_loaded IS 'Papers loaded; for unchanged, what the warehouse holds.';
COMMENT ON COLUMN ingest_runs.mentions_loaded IS 'Mentions loaded; for unchanged, what the warehouse holds.';
COMMENT ON COLUMN ingest_runs.problems IS 'Rows this attempt added to ingest_errors.';
COMMENT ON COLUMN ingest_runs.extractor_version IS 'The extractor version of the attempt.';
COMMENT ON COLUMN ingest_runs.message IS 'What happened, in words.';

COMMENT ON TABLE ingest_errors IS 'What went wrong while reading or extracting, per paper or per file.';
COMMENT ON COLUMN ingest_errors.run_id IS 'The attempt (ingest_runs.run_id).';
COMMENT ON COLUMN ingest_errors.digest IS 'The digest.';
COMMENT ON COLUMN ingest_errors.paper_idx IS 'The paper''s position in the digest; null for a problem with the whole file.';
COMMENT ON COLUMN ingest_errors.stage IS 'read or extract.';
COMMENT ON COLUMN ingest_errors.severity IS 'error (the paper was skipped) or warning (loaded anyway).';
COMMENT ON COLUMN ingest_errors.message IS 'The problem, in words.';
COMMENT ON COLUMN ingest_errors.excerpt IS 'The start of the offending text.';

COMMENT ON TABLE claims_archive IS 'Claims as an older extractor version saw them, kept when a re-ingest replaced them (claims diff).';
COMMENT ON COLUMN claims_archive.paper_key IS 'The paper (papers.paper_key).';
COMMENT ON COLUMN claims_archive.mention_idx IS 'Order of the mention within its paper, in that version.';
COMMENT ON COLUMN claims_archive.section IS '''title'' or ''abstract''.';
COMMENT ON COLUMN claims_archive.start_char IS 'Offset of text in the section.';
COMMENT ON COLUMN claims_archive.end_char IS 'Offset of the end of text in the section.';
COMMENT ON COLUMN claims_archive.text IS 'As claims.text.';
COMMENT ON COLUMN claims_archive.value IS 'As claims.value.';
COMMENT ON COLUMN claims_archive.value_high IS 'As claims.value_high.';
COMMENT ON COLUMN claims_archive.unit IS 'As claims.unit.';
COMMENT ON COLUMN claims_archive.canonical_value IS 'As claims.canonical_value.';
COMMENT ON COLUMN claims_archive.canonical_value_high IS 'As claims.canonical_value_high.';
COMMENT ON COLUMN claims_archive.kind IS 'As claims.kind.';
COMMENT ON COLUMN claims_archive.role IS 'As claims.role.';
COMMENT ON COLUMN claims_archive.direction IS 'As claims.direction.';
COMMENT ON COLUMN claims_archive.metric IS 'As claims.metric.';
COMMENT ON COLUMN claims_archive.baseline IS 'As claims.baseline.';
COMMENT ON COLUMN claims_archive.qualifier IS 'As claims.qualifier.';
COMMENT ON COLUMN claims_archive.sentence IS 'As claims.sentence.';
COMMENT ON COLUMN claims_archive.benchmark IS 'As claims.benchmark.';
COMMENT ON COLUMN claims_archive.subject IS 'As claims.subject.';
COMMENT ON COLUMN claims_archive.rules IS 'As claims.rules.';
COMMENT ON COLUMN claims_archive.extractor_version IS 'The older version these claims came from.';
COMMENT ON COLUMN claims_archive.archived_at IS 'When a newer version replaced them.';

COMMENT ON TABLE schema_applied IS 'Fingerprint of the schema files last applied (warehouse/connection.py).';
COMMENT ON COLUMN schema_applied.fingerprint IS 'SHA-256 of the schema files.';

COMMENT ON VIEW claim_mentions IS 'One row per mention per digest (a paper in two digests appears twice): the gold files'' shape.';
COMMENT ON COLUMN claim_mentions.digest IS 'The digest listing the paper.';
COMMENT ON COLUMN claim_mentions.paper_idx IS 'The paper''s 0-based position in that digest.';
COMMENT ON COLUMN claim_mentions.title IS 'The paper''s title.';
COMMENT ON COLUMN claim_mentions.text IS 'The mention''s exact text.';
COMMENT ON COLUMN claim_mentions.unit IS 'The canonical unit.';
COMMENT ON COLUMN claim_mentions.canonical_value IS 'The value in the canonical unit.';
COMMENT ON COLUMN claim_mentions.kind IS 'multiplier, change, proportion or value.';
COMMENT ON COLUMN claim_mentions.role IS 'result or setup.';

COMMENT ON VIEW claim_details IS 'One row per mention (any role), with its paper, its first listing and normalized metric fields.';
COMMENT ON COLUMN claim_details.digest IS 'The first digest (by date) that listed the paper.';
COMMENT ON COLUMN claim_details.paper_idx IS 'The paper''s position in that digest.';
COMMENT ON COLUMN claim_details.digest_date IS 'The date of that digest.';
COMMENT ON COLUMN claim_details.digest_count IS 'How many digests list the paper.';
COMMENT ON COLUMN claim_details.metric_key IS 'metric normalized for GROUP BY (metric_key macro).';
COMMENT ON COLUMN claim_details.metric_family IS 'Coarse bucket of the metric: speed, time, memory, cost, compute, steps, ...';
COMMENT ON COLUMN claim_details.benchmark IS 'The capitalized name after on/in following the number, if any.';

COMMENT ON VIEW result_claims IS 'claim_details for role = result: what papers say they achieved.';

COMMENT ON VIEW baseline_claims IS 'One row per result claim and baseline it names (LoRA and GaLore gives two rows).';
COMMENT ON COLUMN baseline_claims.baseline_name IS 'One baseline of the claim''s baseline phrase.';
COMMENT ON COLUMN baseline_claims.baseline_key IS 'baseline_name normalized for GROUP BY.';

-- The leaderboard registries (sql/registry/*.csv) and what the views build from them.
COMMENT ON TABLE benchmark_registry IS 'sql/registry/benchmarks.csv: a well-known benchmark name and one alias a line.';
COMMENT ON COLUMN benchmark_registry.name IS 'The benchmark as boards show it (ImageNet-1k).';
COMMENT ON COLUMN benchmark_registry.alias IS 'A spelling that means it (IN-1K, ILSVRC-2012).';
COMMENT ON TABLE subject_registry IS 'sql/registry/subjects.csv: a model name and one alias a line.';
COMMENT ON COLUMN subject_registry.name IS 'The model as boards show it.';
COMMENT ON COLUMN subject_registry.alias IS 'A spelling that means it.';
COMMENT ON TABLE metric_direction_registry IS 'sql/registry/metric_directions.csv: whether higher or lower is better for a metric.';
COMMENT ON COLUMN metric_direction_registry.match IS 'How name is matched: the whole metric_key, a word in it, or its metric_family.';
COMMENT ON COLUMN metric_direction_registry.name IS 'The metric key, word or family.';
COMMENT ON COLUMN metric_direction_registry.better IS '''higher'' or ''lower''.';
COMMENT ON TABLE benchmark_aliases IS 'Every benchmark spelling normalized, with the key boards group it under.';
COMMENT ON COLUMN benchmark_aliases.alias_key IS 'A normalized spelling.';
COMMENT ON COLUMN benchmark_aliases.benchmark_key IS 'The key of the benchmark it names.';
COMMENT ON COLUMN benchmark_aliases.name IS 'The benchmark as boards show it.';
COMMENT ON TABLE subject_aliases IS 'Every model spelling normalized, with the key boards group it under.';
COMMENT ON COLUMN subject_aliases.alias_key IS 'A normalized spelling.';
COMMENT ON COLUMN subject_aliases.subject_key IS 'The key of the model it names.';
COMMENT ON COLUMN subject_aliases.name IS 'The model as boards show it.';
COMMENT ON VIEW benchmark_mentions IS 'One row per result value measured on a named benchmark, with its subject and paper.';
COMMENT ON VIEW leaderboard IS 'One row per benchmark, metric, unit and subject: the best value claimed, ranked within its board.';
