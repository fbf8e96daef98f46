-- Tables of the claims warehouse. Applied by a writer whenever the schema files
-- change (warehouse/connection.py), so every statement is idempotent. No PRIMARY
-- KEY constraints: a digest is replaced by delete-then-insert inside one
-- transaction, which DuckDB's index checks reject for re-inserted keys;
-- uniqueness is guarded by the Dagster asset checks instead.

CREATE SEQUENCE IF NOT EXISTS ingest_run_ids START 1;

-- One row per digest file (the Dagster partition key is `digest`).
CREATE TABLE IF NOT EXISTS digests (
    digest            VARCHAR   NOT NULL,  -- file name
    source_path       VARCHAR,             -- where it was last read from
    format            VARCHAR   NOT NULL,  -- 'digest' (page text) or 'jsonl'
    digest_date       DATE,                -- the page's date line; null for multi-day JSON Lines
    content_sha256    VARCHAR   NOT NULL,  -- of the raw file bytes
    paper_count       INTEGER   NOT NULL,  -- papers loaded (broken ones are in ingest_errors)
    mention_count     INTEGER   NOT NULL,
    extractor_version VARCHAR   NOT NULL,
    ingested_at       TIMESTAMP NOT NULL
);

-- One row per paper, however many digests list it: keyed by a hash of its
-- normalized title. The text is the latest version seen.
CREATE TABLE IF NOT EXISTS papers (
    paper_key         VARCHAR NOT NULL,
    arxiv_id          VARCHAR,
    title             VARCHAR NOT NULL,
    abstract          VARCHAR NOT NULL,
    published         DATE,
    text_sha256       VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL
);

-- Which papers a digest lists, at which 0-based position.
CREATE TABLE IF NOT EXISTS digest_papers (
    digest    VARCHAR NOT NULL,
    paper_idx INTEGER NOT NULL,
    paper_key VARCHAR NOT NULL
);

-- One row per quantity mention in a paper's title or abstract (claims-spec.md).
-- The mention's columns are extractors.mention.MENTION_COLUMNS, in that order
-- (tests/warehouse/test_one_schema.py holds this table to it).
CREATE TABLE IF NOT EXISTS claims (
    paper_key            VARCHAR NOT NULL,
    mention_idx          INTEGER NOT NULL,  -- order within the paper
    section              VARCHAR NOT NULL,  -- 'title' | 'abstract'
    start_char           INTEGER NOT NULL,  -- offsets of `text` in the section
    end_char             INTEGER NOT NULL,
    text                 VARCHAR NOT NULL,
    value                DOUBLE  NOT NULL,
    value_high           DOUBLE,
    unit                 VARCHAR NOT NULL,
    canonical_value      DOUBLE  NOT NULL,
    canonical_value_high DOUBLE,
    kind                 VARCHAR NOT NULL,  -- multiplier | change | proportion | value
    role                 VARCHAR NOT NULL,  -- result | setup
    direction            VARCHAR,           -- up | down, for multiplier and change
    metric               VARCHAR,
    baseline             VARCHAR,
    qualifier            VARCHAR NOT NULL,  -- = ~ <= >= < >
    benchmark            VARCHAR,           -- result mentions: the dataset or test set
    subject              VARCHAR,           -- result mentions: the model or method
    sentence             VARCHAR NOT NULL,
    rules                VARCHAR[] NOT NULL, -- ids of the rules that made the mention
    extractor_version    VARCHAR NOT NULL
);

-- Warehouses made before benchmark, subject and rules existed get them (at the
-- end of the table: inserts and reads go by name, never by position).
ALTER TABLE claims ADD COLUMN IF NOT EXISTS benchmark VARCHAR;
ALTER TABLE claims ADD COLUMN IF NOT EXISTS subject VARCHAR;
ALTER TABLE claims ADD COLUMN IF NOT EXISTS rules VARCHAR[];

-- One row per attempt to ingest a digest, whatever its outcome.
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id            BIGINT    NOT NULL DEFAULT nextval('ingest_run_ids'),
    digest            VARCHAR   NOT NULL,
    source_path       VARCHAR,
    dagster_run_id    VARCHAR,
    started_at        TIMESTAMP NOT NULL,
    finished_at       TIMESTAMP NOT NULL,
    -- loaded: rows replaced; unchanged: same bytes and extractor, nothing written;
    -- refused: the file could not be read as a digest, nothing written
    status            VARCHAR   NOT NULL,
    papers_read       INTEGER   NOT NULL,
    papers_loaded     INTEGER   NOT NULL,
    mentions_loaded   INTEGER   NOT NULL,
    problems          INTEGER   NOT NULL,
    extractor_version VARCHAR   NOT NULL,
    message           VARCHAR
);

-- What went wrong, per paper (paper_idx) or per file (paper_idx null).
CREATE TABLE IF NOT EXISTS ingest_errors (
    run_id    BIGINT  NOT NULL,
    digest    VARCHAR NOT NULL,
    paper_idx INTEGER,
    stage     VARCHAR NOT NULL,  -- read | extract
    severity  VARCHAR NOT NULL,  -- error: skipped; warning: loaded anyway
    message   VARCHAR NOT NULL,
    excerpt   VARCHAR
);

-- What an earlier extractor version said about a paper, kept when a re-ingest
-- under a newer version replaced it, so `claims diff` can compare the two.
-- One copy per paper and version; the latest replacement wins.
CREATE TABLE IF NOT EXISTS claims_archive AS
SELECT *, CAST(NULL AS TIMESTAMP) AS archived_at FROM claims WHERE false;

ALTER TABLE claims_archive ADD COLUMN IF NOT EXISTS benchmark VARCHAR;
ALTER TABLE claims_archive ADD COLUMN IF NOT EXISTS subject VARCHAR;
ALTER TABLE claims_archive ADD COLUMN IF NOT EXISTS rules VARCHAR[];

-- A fingerprint of the schema files last applied here (warehouse/connection.py):
-- a writer whose files match it skips re-creating the views.
CREATE TABLE IF NOT EXISTS schema_applied (fingerprint VARCHAR NOT NULL);
