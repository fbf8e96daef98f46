-- The file and the tables of the current database, to tell a paper-claims
-- warehouse from someone else's DuckDB file (one row with a NULL table if empty).
SELECT d.path, t.table_name
FROM duckdb_databases() AS d
LEFT JOIN duckdb_tables() AS t ON t.database_name = d.database_name
WHERE d.database_name = current_database();
