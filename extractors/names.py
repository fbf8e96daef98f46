"""What a name is, in an abstract: the shapes of model, method and dataset names, and
the verbs by which a sentence says a name scored something.

A *distinctive name* is a token that is not an ordinary word: it has a capital letter
after its first character or a digit (``MathVision``, ``GPT-4o``, ``NTU 60``), is an
acronym (``COCO``), or is a family, a version and a size (``Llama 2-7B``). Model families
that are names but never benchmarks (``Llama``, ``Qwen``...) come from ``rules.toml``
``[attribution]``. Shared by :mod:`extractors.paper_context`,
:mod:`extractors.subjects` and :mod:`extractors.benchmarks`.
"""

from __future__ import annotations

import re

from extractors.lexicon import Lexicon

# a token that is a name rather than a word: CamelCase, an acronym, or letters with digits
NAME_TOKEN = (
    # a family, a version and a size: "Llama 2-7B", "Gemma 3 27B"
    r"(?:[A-Z][a-z]+\s\d+(?:\.\d+)?(?:-|\s)\d+(?:\.\d+)?[BM]\b"
    # a numbered part of a shared task: "on Subtask 1", "Track 2"
    r"|(?:Subtask|Sub-task|Track)\s\d{1,2}\b"
    # a number and capitals: "3DGS", "4DGS" (not "3D", a format)
    r"|(?<![\w.])\d[A-Z]{3,}[\w-]*"
    # a lower-case letter and a number: "o1-mini", "o3", "e5-large"
    r"|(?<![\w.])[a-z]\d{1,2}(?=-[a-z]|\b)(?!\.\d)"
    # a word and a dotted version: "Habitat 2.0", "Gemini 1.5" (not "Section 3.2")
    r"|(?!(?:Figure|Fig|Table|Section|Sec|Eq|Equation|Chapter|Appendix|Step|Phase|Stage|"
    r"Version|Level|Grade|Type|Accuracy|Score|Recall|Precision|Rate|Loss|Error|Mean|"
    r"Average|Top|Overall|Only|About|Around|Nearly|From|To|Of|By|And)\s)"
    r"[A-Z][a-z]+\s\d+\.\d+\b(?!\.\d|%)"
    r"|[A-Z][a-z]*[A-Z0-9][\w]*|[A-Z]{2,}[\w]*|[A-Z][a-z]+-?\d[\w]*|[a-z]+[A-Z][\w]*"
    r"|[A-Z][a-z]*(?=-[A-Z0-9])|[a-z]+-[A-Z][\w]*)"
    r"(?:[-+./][\w]+)*"
)

# a name, possibly of two or three tokens ("NTU 60", "ISIC 2019", "MathVerse testmini")
NAME = (
    rf"(?<![\w-]){NAME_TOKEN}(?:\s(?:\d{{1,4}}\b|v\d\b|{NAME_TOKEN}|(?:test(?:mini)?|val|dev|"
    r"Verified|Lite|Pro|Hard|Easy|Long|Challenge)\b))*"
)

# what separates the items of a list of names: "A, B and C", "A or B"
LIST_SEP = re.compile(r",\s(?:and\s)?|,?\s(?:and|or)\s")

NAME_RE = re.compile(rf"(?<![\w-])(?P<name>{NAME})(?![\w-])")

_MODEL_SIZE = re.compile(r"(?<![A-Za-z\d])\d+(?:\.\d+)?[BM]\b")  # Llama-2-7B, not GSM8K


def clean_name(name: str) -> str:
    return name.strip(" ,.;:()[]\"'")


def is_model_name(name: str, lex: Lexicon) -> bool:
    """A model, hardware or method family name, which is never a benchmark."""
    return bool(lex.model_family_re.search(name)) or bool(_MODEL_SIZE.search(name))


RESULT_STEMS = (
    r"(?:achiev|outperform|surpass|reach|attain|obtain|improv|reduc|boost|deliver|yield|"
    r"exceed|beat|score|gain|accelerat|speed|cut|lower|rais|increas|decreas|match|show|"
    r"demonstrat|perform|record|set|establish|lead|enabl|bring|offer|provid|maintain|"
    r"preserv|retain|recover|shrink|compress|save|support|leverag|employ|integrat|"
    r"combin|generat|produc|predict|detect|exhibit|captur|enhanc|attain|outscor|solv|"
    r"prov|requir|tak|consum|need|converg|rival)"
)

RESULT_VERB = RESULT_STEMS + r"\w*"

# the verb itself, not a noun of its stem ("achieves", not "performance"); stems that
# are as often nouns ("gains", "sets", "cuts") are left out
RESULT_VERB_FORM = (
    r"(?!(?:gain|set|cut|record|need|lead|speed|score|match)s?\b)"
    + RESULT_STEMS
    + r"(?:e|es|ed|d|ing|s)?"
)

ADVERBS = (
    r"(?:(?:also|further|consistently|significantly|substantially|notably|still|even|only|"
    r"successfully|clearly|can|could|which)\s){0,2}"
)

# a head noun that names a kind of system: bare ("the method") it is the paper's own,
# with modifiers ("the stacked LSTM model", "the U-Net with focal loss") it is described
SYSTEM_NOUN = (
    r"(?:model|framework|method|approach|system|network|agent|pipeline|protocol|algorithm|"
    r"architecture|variant|policy|module|classifier|detector|tracker|solver|planner|encoder|"
    r"backbone|technique|strategy|tool)(?:es|s)?"
)

NAME_BEFORE_VERB = re.compile(
    # a word's start first: the look-behinds after it are tried only there
    r"(?<![\w-])(?=[\w])"
    r"(?<!\bon\s)(?<!\bin\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bto\s)(?<!\bby\s)(?<!\bfrom\s)"
    r"(?<!\bwith\s)(?<!\bacross\s)(?<!\bover\s)(?<!\bthan\s)"
    r"(?<!\bon\sthe\s)(?<!\bin\sthe\s)(?<!\bof\sthe\s)"
    r"(?P<name>" + NAME + r")(?:\s\([^)]{1,40}\))?"
    # "The FRoundation model with the ViT-L backbone outperforms"
    r"(?:\s(?:model|framework|method|approach|system|network|agent|pipeline|protocol|"
    r"algorithm|architecture|variant|policy|module|classifier|detector|tracker|solver|"
    r"planner|encoder|backbone|technique|strategy|tool)s?)?"
    # "The U-Net with focal loss achieved"
    r"(?:\s(?:with|using)\s[^,.;]{1,40}?)?"
    r"\s(?:(?:also|further|consistently|"
    r"significantly|substantially|notably|still|even|only|successfully|clearly|can|"
    r"could|which)\s){0,2}(?!set\b)" + RESULT_VERB + r"\b"  # "the X test set" sets nothing
)

PAREN_AFTER_NAME = re.compile(
    r"(?P<name>" + NAME + r")(?:\s(?:(?:test|val|dev)\s)?(?:set|split|benchmark|dataset))?\s\($"
)

# "Adaptive Guidance" (AG), Low-Rank Clone (LRC): an acronym after the words it abbreviates
DEFINED_ACRONYM = re.compile(
    r"(?P<long>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,5})[\"'”’]?\s\((?P<acronym>[A-Z][A-Za-z]*[A-Z][\w-]*)\)"
)


def long_form(acronym: str, long: str) -> str | None:
    """The last words of ``long`` whose initials spell the capitals of ``acronym``
    (``Low-Rank Clone`` for ``LRC``), or None when they do not."""
    caps = "".join(c for c in acronym if c.isupper())
    words = long.split()
    for k in range(1, len(words) + 1):
        parts = [part for w in words[-k:] for part in w.split("-") if part]
        initials = "".join(part[0] for part in parts)
        # "REPresentation Alignment" abbreviates REPA by its leading capitals
        runs = "".join(re.match(r"[A-Z]*", part).group() or part[0] for part in parts)
        if caps in (initials, runs) or acronym in (initials, runs):  # MoM: Mixture-of-Mamba
            return " ".join(words[-k:])
    return None


Found = tuple[str | None, str | None]  # (the name, the id of the rule that found it)
