-- Remember which schema files were applied: $fingerprint.
DELETE FROM schema_applied;

INSERT INTO schema_applied VALUES ($fingerprint);
