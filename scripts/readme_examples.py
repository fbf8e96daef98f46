"""Regenerate the README's example outputs from the bundled digests (`make readme`).

Each example block in README.md sits between ``<!-- example: NAME -->`` and
``<!-- /example -->`` and holds a fenced block of ``$ claims ...`` lines, each
followed by what the command prints. This script ingests ``data/digests/`` into
a scratch warehouse, runs every command in-process, and rewrites the blocks, so
the README never shows figures the code no longer gives. ``--check`` only
compares (exit 1 on a difference); tests/test_readme_examples.py does the same.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import re
import shlex
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DIGESTS = ROOT / "data" / "digests"
BLOCK = re.compile(
    r"(?P<open><!-- example: (?P<name>[\w-]+) -->\n```\n)"
    r"(?P<body>.*?)"
    r"(?P<close>```\n<!-- /example -->)",
    re.DOTALL,
)
COMMAND = re.compile(r"^\$ (claims .*)$", re.MULTILINE)


def blocks(text: str) -> dict[str, str]:
    """The README's example blocks by name: the text inside each fence."""
    return {m["name"]: m["body"] for m in BLOCK.finditer(text)}


def commands(body: str) -> list[str]:
    """The ``claims ...`` command lines of a block, as written."""
    return COMMAND.findall(body)


def run_claims(command: str, db: Path) -> str:
    """What ``command`` (a ``claims ...`` line) prints against warehouse ``db``."""
    from cli.main import main

    argv = shlex.split(command)[1:]
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main([*argv, "--db", str(db)])
    if code != 0:
        raise RuntimeError(f"`{command}` exited {code}")
    return out.getvalue()


def render(body: str, run: Callable[[str], str]) -> str:
    """A block's text regenerated: each command line, then its output; blocks
    separated by one blank line."""
    parts = []
    for command in commands(body):
        output = run(command).strip("\n")
        parts.append(f"$ {command}\n{output}\n")
    return "\n".join(parts)


def regenerate(text: str, db: Path) -> str:
    """``text`` (the README) with every example block regenerated against ``db``."""

    def replace(match: re.Match[str]) -> str:
        body = render(match["body"], lambda command: run_claims(command, db))
        return match["open"] + body + match["close"]

    return BLOCK.sub(replace, text)


def bundled_warehouse(folder: Path) -> Path:
    """The bundled digests ingested into a new warehouse under ``folder``."""
    from dagster_project.ingest import ingest_files

    db = folder / "readme.duckdb"
    for outcome in ingest_files([DIGESTS], db_path=db, jobs=1):
        if outcome.status != "loaded":
            raise RuntimeError(f"{outcome.digest}: {outcome.status}: {outcome.message}")
    return db


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 on a difference")
    args = parser.parse_args(argv)
    text = README.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory(prefix="readme-") as scratch:
        new = regenerate(text, bundled_warehouse(Path(scratch)))
    if new == text:
        print("README examples are up to date")
        return 0
    if args.check:
        print("README examples differ from what the code prints: run `make readme`")
        return 1
    README.write_text(new, encoding="utf-8")
    print(f"rewrote {len(blocks(new))} example blocks in {README.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
