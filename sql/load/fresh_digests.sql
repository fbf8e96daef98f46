-- Digests the warehouse holds as extracted by version $version: not stale.
SELECT digest
FROM digests
WHERE extractor_version = $version;
