-- Words (whitespace-separated) in the titles and abstracts of staged papers at $path.
SELECT coalesce(sum(len(string_split(trim(title), ' ')) + len(string_split(trim(abstract), ' '))), 0)
FROM read_parquet($path);
