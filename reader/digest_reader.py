"""Read a digest file into `Paper` records, whatever shape the file arrives in.

Two formats, told apart by content, never by file name:

* the digest page text (header lines, a date line such as ``Mar 11`` with no
  year, then one title line and one abstract line per paper);
* JSON Lines of arXiv papers (``id``, ``title``, ``summary`` or ``abstract``),
  optionally gzip-compressed.

Nothing here raises on bad input: every problem becomes a `ReadProblem`, and
every paper that is fine is still returned.
"""

from __future__ import annotations

import codecs
import datetime as dt
import gzip
import hashlib
import io
import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path

from reader.records import Digest, DigestStream, Paper, ReadProblem, single_date

GZIP_MAGIC = b"\x1f\x8b"
# A digest page is a few hundred kilobytes; anything this large is not one.
MAX_PAGE_TEXT_BYTES = 32 * 1024 * 1024
# JSON Lines are streamed, so only the decompressed size of one record is bounded;
# lines are read with a byte bound (UTF-8 takes at most 4 bytes a character).
MAX_RECORD_CHARS = 200_000
MAX_RECORD_BYTES = 4 * MAX_RECORD_CHARS
# No real abstract is this long: a longer block is a paste accident.
MAX_ABSTRACT_CHARS = 20_000
MAX_TITLE_CHARS = 300
EXCERPT_CHARS = 120

HEADER_LINES = frozenset(
    {
        "new",
        "get trending papers in your email inbox!",
        "subscribe",
        "byak and the research community",
    }
)
MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)  # fmt: skip
DATE_LINE = re.compile(
    r"^(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?"
    r"|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
    r"\s+(?P<day>\d{1,2})(?:,?\s+(?P<year>\d{4}))?$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"""[.!?)\]"'”]\s*$|\bhttps?://\S+$|\S+\.\w{2,4}/\S*$""")
WHITESPACE = re.compile(r"\s+")
ARXIV_VERSION = re.compile(r"v\d+$")
LATEX_DEBRIS = re.compile(r"\\[a-zA-Z]+|[${}\\]")


def stream_digest(
    path: str | Path,
    *,
    year: int | None = None,
    today: dt.date | None = None,
) -> DigestStream:
    """Open one digest file as a stream of papers and problems.

    The year of a year-less date comes from ``year``, else from the file's
    modification time, and is never in the future. JSON Lines are read lazily,
    record by record; a page of text is small by construction and read whole.
    """
    path = Path(path)
    name = path.name
    try:
        raw_head = _read_head(path)
        sha = _file_sha256(path)
    except OSError as exc:
        return _refused(path, "", f"cannot read file: {exc.strerror or exc}")
    compressed = raw_head.startswith(GZIP_MAGIC)
    head = _gunzip_head(path) if compressed else raw_head
    if _looks_like_jsonl(head):
        return DigestStream(
            name, "jsonl", None, sha, str(path.resolve()), _jsonl_records(path, compressed)
        )
    if compressed:
        return _refused(path, sha, "gzip file does not hold JSON Lines of papers")
    return _page_text_stream(path, sha, year=year, reference=_reference_date(path, today))


def read_digest(
    path: str | Path,
    *,
    year: int | None = None,
    today: dt.date | None = None,
) -> Digest:
    """The whole digest in memory: `stream_digest`, collected."""
    stream = stream_digest(path, year=year, today=today)
    papers: list[Paper] = []
    problems: list[ReadProblem] = []
    for record in stream.records:
        (papers if isinstance(record, Paper) else problems).append(record)
    date = stream.date
    if stream.format == "jsonl":
        date = single_date({p.published for p in papers if p.published})
    return Digest(
        name=stream.name,
        format=stream.format,
        date=date,
        papers=papers,
        problems=problems,
        content_sha256=stream.content_sha256,
        source_path=stream.source_path,
    )


def normalize_title(title: str) -> str:
    """Title reduced to lower-case words, so small edits (whitespace, LaTeX) match."""
    text = LATEX_DEBRIS.sub(" ", title).lower()
    return " ".join(re.findall(r"[^\W_]+", text))


def paper_key(title: str, arxiv_id: str | None = None, abstract: str = "") -> str:
    """Stable key of a paper across digests: its arXiv id (without version) where
    the source gives one, else a hash of its normalized title.

    Titles alone are not unique: a listing holds different papers with the same
    generic title, which only their ids tell apart (see `reader.keys` for titles
    that collide inside one digest). A title with no letters or digits at all
    (only symbols or emoji) normalizes to nothing, so its raw text and the
    abstract make the key instead of the empty string's hash.
    """
    if arxiv_id:
        return "arxiv:" + versionless_id(arxiv_id)
    normalized = normalize_title(title)
    if not normalized:
        return _short_hash("raw", title, abstract)
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()[:16]


def versionless_id(arxiv_id: str) -> str:
    """``2401.00001v2`` -> ``2401.00001``: every version of a paper is one paper."""
    return ARXIV_VERSION.sub("", arxiv_id.strip().lower())


def _short_hash(*parts: str) -> str:
    return hashlib.sha1("\0".join(parts).encode("utf-8")).hexdigest()[:16]


# --- bytes and encodings -----------------------------------------------------------


def _read_head(path: Path, size: int = 4096) -> bytes:
    with path.open("rb") as f:
        return f.read(size)


def _gunzip_head(path: Path, size: int = 4096) -> bytes:
    try:
        with gzip.open(path, "rb") as f:
            return f.read(size)
    except (OSError, EOFError):
        return b""


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def file_sha256(path: str | Path) -> str:
    """The SHA-256 of a file's raw bytes: what ``digests.content_sha256`` holds, so a
    caller can tell an already loaded file without reading it as a digest."""
    return _file_sha256(Path(path))


def decode_text(data: bytes) -> tuple[str | None, str]:
    """Decode bytes of unknown encoding: (text, encoding) or (None, why not).

    BOMs decide first; then UTF-8; NUL-heavy bytes are tried as UTF-16; Windows-1252
    (a superset of Latin-1 for printable text) is the last resort, since every byte
    sequence decodes under it and only the control-character test can refuse it.
    """
    if data.startswith(b"%PDF"):
        return None, "file is a PDF, not digest text"
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return _checked(data, encoding)
    sample = data[:4096]
    if sample and sample.count(0) > len(sample) // 4:
        even_nuls = sample[0::2].count(0)
        return _checked(data, "utf-16-be" if even_nuls > len(sample) // 4 else "utf-16-le")
    try:
        return _checked_text(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return _checked_text(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        return _checked_text(data.decode("latin-1"), "latin-1")


def _checked(data: bytes, encoding: str) -> tuple[str | None, str]:
    try:
        return _checked_text(data.decode(encoding), encoding)
    except UnicodeDecodeError:
        return None, f"file is not valid {encoding} text"


def _checked_text(text: str, encoding: str) -> tuple[str | None, str]:
    control = sum(1 for ch in text[:100_000] if ord(ch) < 32 and ch not in "\t\n\r\f")
    if control > max(8, len(text[:100_000]) // 200):
        return None, "file holds binary data, not text"
    return text, encoding


# --- the digest page text ----------------------------------------------------------


def _reference_date(path: Path, today: dt.date | None) -> dt.date:
    today = today or dt.date.today()
    try:
        mtime = dt.date.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return today
    return min(mtime, today)


def resolve_date(month: int, day: int, year: int | None, reference: dt.date) -> dt.date | None:
    """The date of a ``Mar 11`` line: in ``year`` if given, else the latest such
    date that is not after ``reference`` (a digest never comes from the future)."""
    if year is not None:
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    for candidate_year in (reference.year, reference.year - 1, reference.year - 4):
        try:
            candidate = dt.date(candidate_year, month, day)
        except ValueError:  # 29 Feb in a year that lacks it
            continue
        if candidate <= reference:
            return candidate
    return None


def _page_text_stream(
    path: Path, sha: str, *, year: int | None, reference: dt.date
) -> DigestStream:
    size = path.stat().st_size
    if size > MAX_PAGE_TEXT_BYTES:
        return _refused(
            path,
            sha,
            f"file is {size / 1e6:.0f} MB, too large for a digest page "
            f"(limit {MAX_PAGE_TEXT_BYTES / 1e6:.0f} MB); split it or convert it to JSON Lines",
        )
    text, why = decode_text(path.read_bytes())
    if text is None:
        return _refused(path, sha, why)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks = [WHITESPACE.sub(" ", line).strip() for line in lines if line.strip()]
    if not blocks:
        return _refused(path, sha, "file is empty")
    date: dt.date | None = None
    start = None
    for i, block in enumerate(blocks):
        match = DATE_LINE.match(block)
        if match:
            month = 1 + [m[:3] for m in MONTH_NAMES].index(match["month"][:3].lower())
            line_year = int(match["year"]) if match["year"] else year
            date = resolve_date(month, int(match["day"]), line_year, reference)
            if date is None:
                return _refused(path, sha, f"date line {block!r} is not a valid date")
            start = i + 1
            break
        if block.lower() not in HEADER_LINES:
            # Papers before any date line: the page lost its header or date.
            break
    undated: ReadProblem | None = None
    if start is None or date is None:
        if all(block.lower() in HEADER_LINES for block in blocks):
            return _refused(path, sha, "file holds only the digest header, no papers")
        # The page lost its date line, not its papers: keep them, dated by the file.
        start = next(i for i, block in enumerate(blocks) if block.lower() not in HEADER_LINES)
        date = _undated_date(reference, year)
        undated = ReadProblem(
            f"no date line (such as 'Mar 11') before the papers; dated {date.isoformat()} "
            "from the file's modification time",
            severity="warning",
        )
    if start == len(blocks):
        return _refused(path, sha, "digest has a date line but no papers")
    records = _pair_blocks(blocks[start:])
    return DigestStream(
        path.name,
        "digest",
        date.isoformat(),
        sha,
        str(path.resolve()),
        itertools.chain([undated], records) if undated else records,
    )


def _undated_date(reference: dt.date, year: int | None) -> dt.date:
    """The date of a page without a date line: the file's (never future) modification
    date, in ``year`` when one is given."""
    if year is None or year == reference.year:
        return reference
    try:
        return reference.replace(year=year)
    except ValueError:  # 29 Feb
        return reference.replace(year=year, day=28)


def _is_title_like(block: str) -> bool:
    return len(block) <= MAX_TITLE_CHARS and not block.endswith(".")


def _pair_blocks(blocks: list[str]) -> Iterator[Paper | ReadProblem]:
    """Pair title and abstract blocks, reporting the blocks that cannot pair."""
    idx = 0
    i = 0
    while i < len(blocks):
        title = blocks[i]
        if len(title) > MAX_TITLE_CHARS:
            yield ReadProblem("abstract without a title", idx, _excerpt(title))
            idx += 1
            i += 1
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        after = blocks[i + 2] if i + 2 < len(blocks) else None
        orphan = nxt is None or (
            _is_title_like(nxt) and after is not None and not _is_title_like(after)
        )
        if orphan:
            yield ReadProblem("title without an abstract", idx, _excerpt(title))
            idx += 1
            i += 1
            continue
        assert nxt is not None
        i += 2
        if len(nxt) > MAX_ABSTRACT_CHARS:
            yield ReadProblem(
                f"abstract is {len(nxt):,} characters, over the "
                f"{MAX_ABSTRACT_CHARS:,} a real abstract has",
                idx,
                _excerpt(title),
            )
            idx += 1
            continue
        if i >= len(blocks) and not SENTENCE_END.search(nxt):
            yield ReadProblem(
                "last abstract seems cut mid-sentence; loaded as it is",
                idx,
                _excerpt(nxt[-EXCERPT_CHARS:]),
                severity="warning",
            )
        yield Paper(idx=idx, title=title, abstract=nxt)
        idx += 1


# --- JSON Lines --------------------------------------------------------------------


def _looks_like_jsonl(head: bytes) -> bool:
    text = head.lstrip(codecs.BOM_UTF8).lstrip()
    if not text.startswith(b"{"):
        return False
    first_line = text.split(b"\n", 1)[0]
    if len(first_line) < len(text) or len(head) < 4096:
        try:
            return isinstance(json.loads(first_line), dict)
        except ValueError:
            return b'"title"' in first_line
    return b'"title"' in first_line or b'"id"' in first_line


class JsonNumber(str):
    """A JSON number kept as its literal text (``2401.10`` stays ``2401.10``; through
    float it would become ``2401.1``, another paper's id)."""


def _jsonl_records(path: Path, compressed: bool) -> Iterator[Paper | ReadProblem]:
    seen_ids: dict[str, tuple[int, str]] = {}  # versionless id -> (idx, id) first seen
    opener = gzip.open if compressed else open
    idx = 0
    try:
        with opener(path, "rb") as raw:
            for line, length in _bounded_lines(raw, MAX_RECORD_BYTES):
                if line is None:
                    yield ReadProblem(
                        f"record is {length:,} bytes long, over the {MAX_RECORD_BYTES:,} "
                        "a record may have; skipped without reading it whole",
                        idx,
                    )
                    idx += 1
                    continue
                text = line.decode("utf-8-sig" if idx == 0 else "utf-8", errors="replace")
                if not text.strip():
                    continue
                paper, problem = _jsonl_record(text, idx, seen_ids)
                if problem is not None:
                    yield problem
                if paper is not None:
                    yield paper
                idx += 1
    except (OSError, EOFError) as exc:
        yield ReadProblem(f"file ends early or is corrupt after {idx} records: {exc}")
    if idx == 0:
        yield ReadProblem("file is empty")


def _bounded_lines(stream: io.BufferedIOBase, limit: int) -> Iterator[tuple[bytes | None, int]]:
    """``(line, length)`` for each line of ``stream``; ``(None, length)`` for a line
    over ``limit`` bytes, which is read past in pieces of ``limit`` and never held
    whole (one 800 MB line must not take 800 MB)."""
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line, len(line)
            continue
        length = len(line)
        while not line.endswith(b"\n"):
            line = stream.readline(limit)
            if not line:
                break
            length += len(line)
        yield None, length


def _jsonl_record(
    line: str, idx: int, seen_ids: dict[str, tuple[int, str]]
) -> tuple[Paper | None, ReadProblem | None]:
    if len(line) > MAX_RECORD_CHARS:
        return None, ReadProblem(f"record is {len(line):,} characters long", idx, _excerpt(line))
    try:
        record = json.loads(line, parse_int=JsonNumber, parse_float=JsonNumber)
    except ValueError as exc:
        return None, ReadProblem(f"line is not valid JSON ({exc.msg})", idx, _excerpt(line))
    if not isinstance(record, dict):
        return None, ReadProblem("line is not a JSON object", idx, _excerpt(line))
    title = record.get("title")
    # A null summary is no summary: it must not hide an abstract that is there.
    summary_field = "summary" if record.get("summary") is not None else "abstract"
    abstract = record.get(summary_field)
    arxiv_id = record.get("id")
    for field, value in (("title", title), (summary_field, abstract)):
        if value is None:
            missing = "summary" if field == "abstract" else field
            return None, ReadProblem(f"record has no {missing}", idx, _excerpt(line))
        if not isinstance(value, str) or isinstance(value, JsonNumber):
            kind = "number" if isinstance(value, JsonNumber) else type(value).__name__
            return None, ReadProblem(
                f"record's {field} is a {kind}, not a string", idx, _excerpt(line)
            )
    assert isinstance(title, str) and isinstance(abstract, str)
    title = WHITESPACE.sub(" ", title).strip()
    abstract = WHITESPACE.sub(" ", abstract).strip()
    if not title or not abstract:
        return None, ReadProblem("record has an empty title or abstract", idx, _excerpt(line))
    if len(abstract) > MAX_ABSTRACT_CHARS:
        return None, ReadProblem(
            f"abstract is {len(abstract):,} characters long", idx, _excerpt(title)
        )
    if arxiv_id is not None and not isinstance(arxiv_id, str):
        return None, ReadProblem("record's id is not a string", idx, _excerpt(line))
    if arxiv_id is not None:
        arxiv_id = str.__str__(arxiv_id).strip()  # a JsonNumber's literal, as plain text
        same = versionless_id(arxiv_id)
        if same in seen_ids:
            first, first_id = seen_ids[same]
            what = "duplicate id" if arxiv_id == first_id else "another version"
            return None, ReadProblem(
                f"{what} {arxiv_id}: the same paper as record {first}, which is kept",
                idx,
                _excerpt(title),
            )
        seen_ids[same] = (idx, arxiv_id)
    published = record.get("date")
    published = published[:10] if isinstance(published, str) and _is_iso_date(published) else None
    return Paper(idx, title, abstract, arxiv_id or None, published), None


def _is_iso_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return True


def _excerpt(text: str) -> str:
    text = WHITESPACE.sub(" ", text).strip()
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def _refused(path: Path, sha: str, message: str) -> DigestStream:
    """A file that cannot be read as a digest at all: one file-level problem."""
    return DigestStream(
        path.name, "unknown", None, sha, str(path.resolve()), iter([ReadProblem(message)])
    )
