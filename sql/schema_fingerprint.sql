-- The fingerprint of the schema files last applied to this warehouse.
SELECT fingerprint FROM schema_applied;
