-- `claims export`: one row per digest file.
SELECT * FROM digests ORDER BY digest;
