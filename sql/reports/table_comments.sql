-- The warehouse's tables and views with their comments (sql/comments.sql).
SELECT table_name AS name, 'table' AS type, coalesce(comment, '') AS comment
FROM duckdb_tables()
WHERE database_name = current_database() AND schema_name = current_schema() AND NOT temporary
UNION ALL
SELECT view_name, 'view', coalesce(comment, '')
FROM duckdb_views()
WHERE database_name = current_database() AND schema_name = current_schema()
  AND NOT internal AND NOT temporary
ORDER BY type, name;
