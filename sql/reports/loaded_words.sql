-- Words (whitespace-separated) in the titles and abstracts of every loaded listing,
-- as reports/staged_words.sql counts them in a staged file.
SELECT coalesce(sum(len(string_split(trim(p.title), ' ')) + len(string_split(trim(p.abstract), ' '))), 0)
FROM digest_papers AS d
JOIN papers AS p USING (paper_key);
