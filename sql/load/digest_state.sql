-- What the warehouse holds for a digest now: lets a rerun skip identical input,
-- and a scheduled re-ingest find the file again.
SELECT content_sha256, extractor_version, paper_count, mention_count, source_path
FROM digests
WHERE digest = $digest;
