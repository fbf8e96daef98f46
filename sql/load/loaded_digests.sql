-- Every digest the warehouse holds.
SELECT digest
FROM digests
ORDER BY digest;
