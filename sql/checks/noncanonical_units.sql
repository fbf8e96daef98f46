-- Claims whose unit is not on the spec's closed list $units.
SELECT count(*) AS failures
FROM claims
WHERE NOT list_contains($units, unit);
