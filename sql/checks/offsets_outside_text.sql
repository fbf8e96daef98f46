-- Claims whose offsets do not point at their own text in the stored paper.
SELECT count(*) AS failures
FROM claims AS c
INNER JOIN papers AS p ON p.paper_key = c.paper_key
WHERE c.start_char < 0
   OR c.end_char <= c.start_char
   OR substring(
       CASE c.section WHEN 'title' THEN p.title ELSE p.abstract END,
       c.start_char + 1,
       c.end_char - c.start_char
   ) IS DISTINCT FROM c.text;
