-- The columns of table or view $table in this warehouse, with their comments
-- (sql/comments.sql), for the Dagster assets' column schema.
SELECT column_name, data_type, is_nullable, coalesce(comment, '') AS comment
FROM duckdb_columns()
WHERE database_name = current_database()
  AND schema_name = current_schema()
  AND table_name = $table
ORDER BY column_index;
