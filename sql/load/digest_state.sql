-- What the warehouse holds for a digest now: lets a rerun skip identical input.
SELECT content_sha256, extractor_version, paper_count, mention_count
FROM digests
WHERE digest = $digest;
