-- Where the loaded version of digest $digest was read from.
SELECT source_path
FROM digests
WHERE digest = $digest;
