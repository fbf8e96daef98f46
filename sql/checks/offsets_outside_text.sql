-- Claims whose offsets do not point at their own text in the stored paper: of the
-- papers digest $digest lists (the partition just loaded; each load checks what it
-- wrote, so a backfill does not re-read every abstract per file), or of every
-- paper when $digest is null (the check run on its own).
SELECT count(*) AS failures
FROM claims AS c
INNER JOIN papers AS p ON p.paper_key = c.paper_key
WHERE (
    CAST($digest AS VARCHAR) IS NULL
    OR c.paper_key IN (SELECT paper_key FROM digest_papers WHERE digest = $digest)
)
AND (
    c.start_char < 0
    OR c.end_char <= c.start_char
    OR substring(
        CASE c.section WHEN 'title' THEN p.title ELSE p.abstract END,
        c.start_char + 1,
        c.end_char - c.start_char
    ) IS DISTINCT FROM c.text
);
