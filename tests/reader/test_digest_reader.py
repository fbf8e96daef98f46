"""The digest reader: both formats, dates without years, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
from pathlib import Path

import pytest

from reader.digest_reader import normalize_title, paper_key, read_digest, resolve_date
from tests.conftest import GOLD_DIGEST, HEADER, OTHER_DIGEST, digest_text

ABSTRACT = (
    "We propose a method that is 2.5x faster than the baseline. It reaches 83.5% top-1 "
    "accuracy on ImageNet."
)


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_bundled_digests_read_completely() -> None:
    digest = read_digest(GOLD_DIGEST, year=2023)
    assert digest.format == "digest"
    assert digest.date == "2023-03-11"
    assert len(digest.papers) == 164
    assert digest.problems == []
    assert digest.papers[0].title.startswith("ElasticViT")
    assert "2.62x faster" in digest.papers[0].abstract
    assert [p.idx for p in digest.papers] == list(range(164))
    assert len(read_digest(OTHER_DIGEST).papers) == 55


def test_year_comes_from_mtime_and_never_from_the_future(tmp_path: Path) -> None:
    path = write(tmp_path, "d.txt", digest_text("Dec 30", [("A title", ABSTRACT)]))
    stamp = dt.datetime(2025, 1, 2, 12).timestamp()
    os.utime(path, (stamp, stamp))
    # Dec 30 read on Jan 2 2025 is Dec 30 2024, not a date eleven months ahead.
    assert read_digest(path).date == "2024-12-30"
    assert read_digest(path, year=2021).date == "2021-12-30"


def test_resolve_date_skips_impossible_leap_days() -> None:
    assert resolve_date(2, 29, None, dt.date(2025, 3, 1)) == dt.date(2024, 2, 29)


def test_jsonl_and_gzip_are_told_apart_by_content(tmp_path: Path) -> None:
    records = [
        {
            "id": "2501.00001",
            "title": "Fast thing",
            "summary": "It is\n3x faster.",
            "date": "2025-01-02",
        },
        {"id": "2501.00002", "title": "Other", "abstract": "We use 8 GPUs.", "date": "2025-01-02"},
    ]
    text = "\n".join(json.dumps(r) for r in records) + "\n"
    plain = write(tmp_path, "listing.txt", text)
    packed = write(tmp_path, "listing.dat", gzip.compress(text.encode()))
    for path in (plain, packed):
        digest = read_digest(path)
        assert digest.format == "jsonl"
        assert digest.date == "2025-01-02"
        assert [p.arxiv_id for p in digest.papers] == ["2501.00001", "2501.00002"]
        assert digest.papers[0].abstract == "It is 3x faster."
        assert digest.problems == []


def test_jsonl_bad_records_are_reported_and_the_rest_kept(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "1", "title": "Good one", "summary": "A 5% gain."}),
        "{not json",
        json.dumps({"id": "2", "title": "No abstract"}),
        json.dumps({"id": "3", "title": ["wrong", "type"], "summary": "x"}),
        json.dumps({"id": "1", "title": "Duplicate id", "summary": "A 6% gain."}),
        json.dumps({"id": "4", "title": "Good two", "summary": "A 7% gain."}),
    ]
    digest = read_digest(write(tmp_path, "l.jsonl", "\n".join(lines)))
    assert [p.title for p in digest.papers] == ["Good one", "Good two"]
    assert [p.idx for p in digest.papers] == [0, 5]
    messages = [(p.paper_idx, p.message) for p in digest.problems]
    assert [idx for idx, _ in messages] == [1, 2, 3, 4]
    assert "not valid JSON" in messages[0][1]
    assert "no summary" in messages[1][1]
    assert "not a string" in messages[2][1]
    assert "duplicate id" in messages[3][1]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty"),
        ("\n\n  \n", "empty"),
        (HEADER, "only the digest header"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "PDF"),
        (bytes(range(256)) * 20, "binary"),
    ],
)
def test_unreadable_files_are_refused_with_a_clear_message(
    tmp_path: Path, content: str | bytes, message: str
) -> None:
    digest = read_digest(write(tmp_path, "bad.txt", content))
    assert digest.papers == []
    assert digest.format == "unknown"
    assert len(digest.problems) == 1
    assert message in digest.problems[0].message


@pytest.mark.parametrize(
    "encode",
    [
        lambda s: s.encode("latin-1"),
        lambda s: s.encode("utf-16"),
        lambda s: s.encode("utf-16-le"),
        lambda s: "\ufeff".encode() + s.encode("utf-8"),
        lambda s: s.replace("\n", "\r\n").encode("utf-8"),
        lambda s: s.replace("\n\n", "\n").encode("utf-8"),
        lambda s: s.replace(" ", "\t", 3).encode("utf-8"),
    ],
    ids=["latin-1", "utf-16-bom", "utf-16-le", "utf-8-bom", "crlf", "no-blank-lines", "tabs"],
)
def test_encodings_and_layouts_read_the_same_papers(tmp_path: Path, encode) -> None:
    text = digest_text(
        "Mar 11", [("Café models", "Our café model is 2x faster. " * 3), ("Second", ABSTRACT)]
    )
    digest = read_digest(write(tmp_path, "enc.txt", encode(text)), year=2024)
    assert [p.title for p in digest.papers] == ["Café models", "Second"]
    assert "2x faster" in digest.papers[0].abstract
    assert digest.date == "2024-03-11"


def test_broken_papers_are_reported_and_the_rest_loaded(tmp_path: Path) -> None:
    text = (
        HEADER
        + "Mar 11\n\n"
        + "Good first\n\n" + ABSTRACT + "\n\n"
        + "Orphan title with no abstract\n\n"
        + "Good second\n\n" + ABSTRACT + "\n\n"
        + ("An abstract without its title. " * 20) + "\n\n"
        + "Huge\n\n" + ("word " * 12_000) + ".\n\n"
        + "Last\n\n" + "This abstract was cut in the mid"
    )  # fmt: skip
    digest = read_digest(write(tmp_path, "broken.txt", text), year=2024)
    assert [p.title for p in digest.papers] == ["Good first", "Good second", "Last"]
    assert {p.paper_idx for p in digest.problems} == {1, 3, 4, 5}
    assert any("title without an abstract" in p.message for p in digest.problems)
    assert any("abstract without a title" in p.message for p in digest.problems)
    assert any("characters, over the" in p.message for p in digest.problems)
    cut = [p for p in digest.problems if "cut mid-sentence" in p.message]
    assert len(cut) == 1 and cut[0].severity == "warning"


def test_paper_key_ignores_whitespace_case_and_latex() -> None:
    assert paper_key("PIXART-$\\alpha$: Fast  Training") == paper_key(
        "PIXART-\\alpha: fast training"
    )
    assert normalize_title("  A  B ") == "a b"
    assert paper_key("One title") != paper_key("Another title")


def test_paper_key_prefers_the_arxiv_id_without_its_version() -> None:
    assert paper_key("Introduction", "2501.00001v2") == paper_key("Other", "2501.00001")
    assert paper_key("Introduction", "2501.00001") != paper_key("Introduction", "2501.00002")
