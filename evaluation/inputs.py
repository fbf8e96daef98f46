"""The two files `claims eval` is given, checked before anything is ingested.

A gold file and a JSON Lines digest are both JSON objects a line, so swapped
arguments would otherwise ingest the gold file as a digest of hundreds of
broken papers. Each file is judged by its content, and a message says which
argument is wrong.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reader.digest_reader import stream_digest
from reader.records import ReadProblem

# The fields every gold mention has (claims-spec.md, "A mention"); newer fields
# such as benchmark and subject are optional here.
GOLD_FIELDS = frozenset({"paper", "in", "text", "unit", "canonical_value", "kind", "role"})
SWAPPED = "the arguments look swapped: `claims eval GOLD.jsonl DIGEST` takes the gold file first"


class BadEvalInput(ValueError):
    """GOLD is not a gold file, or DIGEST is not a digest."""


def _is_gold_record(record: Any) -> bool:
    return isinstance(record, dict) and record.keys() >= GOLD_FIELDS


def looks_like_gold(path: Path) -> bool:
    """Whether the first non-blank line of ``path`` is a gold mention."""
    try:
        with path.open("rb") as f:
            for raw in f:
                if raw.strip():
                    return _is_gold_record(json.loads(raw.decode("utf-8-sig")))
    except (OSError, ValueError):
        return False
    return False


def read_gold(path: Path) -> list[dict[str, Any]]:
    """The gold mentions of ``path``; `BadEvalInput` naming the first bad line."""
    if not path.is_file():
        raise BadEvalInput(f"GOLD {path}: no such file")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeError) as exc:
        raise BadEvalInput(f"GOLD {path}: not a gold file (not UTF-8 JSON Lines: {exc})") from exc
    rows: list[dict[str, Any]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            record = None
        if not _is_gold_record(record):
            missing = sorted(GOLD_FIELDS - record.keys()) if isinstance(record, dict) else None
            why = f"lacks {', '.join(missing)}" if missing else "is not a JSON object"
            raise BadEvalInput(
                f"GOLD {path}: not a gold file (line {number} {why}; a gold file holds one "
                "mention a line with the fields of claims-spec.md)"
            )
        rows.append(record)
    if not rows:
        raise BadEvalInput(f"GOLD {path}: not a gold file (it holds no mentions)")
    return rows


def check_digest(path: Path) -> None:
    """`BadEvalInput` unless ``path`` reads as a digest (page text or JSON Lines of
    papers). Reads no further than the first record of a JSON Lines file."""
    if not path.is_file():
        raise BadEvalInput(f"DIGEST {path}: no such file")
    if looks_like_gold(path):
        raise BadEvalInput(f"DIGEST {path}: this is a gold file, not a digest")
    stream = stream_digest(path)
    if stream.format == "unknown":
        problem = next(iter(stream.records), None)
        why = problem.message if isinstance(problem, ReadProblem) else "unreadable"
        raise BadEvalInput(f"DIGEST {path}: not a digest ({why})")


def check_eval_inputs(gold: Path, digest: Path) -> list[dict[str, Any]]:
    """The gold mentions, once both files are what their arguments say; when they
    are the other way round, the message says so."""
    if (
        gold.is_file()
        and digest.is_file()
        and not looks_like_gold(gold)
        and looks_like_gold(digest)
    ):
        raise BadEvalInput(SWAPPED)
    rows = read_gold(gold)
    check_digest(digest)
    return rows
