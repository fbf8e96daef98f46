"""The extractor version follows the rules: edit one and it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

from extractors.version import EXTRACTORS_DIR, current_version, rule_files, version_of


def test_version_names_the_package_and_hashes_the_rules() -> None:
    version = current_version()
    assert version.startswith("0.1.0+rules.")
    assert len(version.rsplit(".", 1)[1]) == 12
    names = {p.name for p in rule_files()}
    assert {"rules.toml", "units.txt", "quantities.py", "classify.py"} <= names


def test_editing_a_rule_in_a_copy_of_the_rules_changes_the_version(tmp_path: Path) -> None:
    double = tmp_path / "extractors"
    shutil.copytree(EXTRACTORS_DIR, double, ignore=shutil.ignore_patterns("__pycache__"))
    assert version_of(rule_files(double)) == current_version()
    rules = double / "rules.toml"
    rules.write_text(rules.read_text(encoding="utf-8") + "\n# a new rule\n", encoding="utf-8")
    edited = version_of(rule_files(double))
    assert edited != current_version()
    assert version_of(rule_files(double)) == edited


def test_the_reader_the_process_pool_and_the_scorer_are_not_part_of_the_version() -> None:
    """Editing the digest reader must not mark every digest stale: none of these
    modules lives in the folder the version hashes."""
    import dagster_project.parallel
    import evaluation.scoring
    import reader.digest_reader

    hashed = {p.resolve() for p in rule_files()}
    for module in (reader.digest_reader, dagster_project.parallel, evaluation.scoring):
        assert Path(module.__file__).resolve() not in hashed
    assert all(p.parent == EXTRACTORS_DIR for p in hashed)
