"""Find quantities (number + unit, ranges, word quantities) in one normalised sentence.

This is the regex-and-lexicon core that runs on every candidate sentence, so it does
no tagging or parsing: numbers come from ``NUMBER_RE``, units from the alternations
compiled out of ``rules.toml``, and names/citations/list markers are filtered by the
left and right context of each number.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache

from extractors.caseless import CaselessGate, holds_any
from extractors.lexicon import Lexicon, UnitRule
from extractors.numbers import NUMBER_RE, fraction_percent, parse_number

_MASK = re.compile(
    r"https?://\S+|www\.\S+|\S+@\S+\.\w+|\barXiv:\s?\d{4}\.\d{4,5}(?:v\d)?|\bdoi:\S+",
    re.IGNORECASE,
)
_RANGE_SEP = re.compile(
    r"\s?(?:to|up to|~|→|–|—|--)\s?|-(?=\d)|\s-\s(?=\d)|\s?(?:and|or)\s(?=\S+\s(?:to)\b)"
)
_COORD = re.compile(
    r"^(?:\s?(?:vs\.?|versus|and|or|,|, and|, or|/|to)\s|,\s?|\s?/\s?|\s?(?:±|\+-|\+/-|-\+)\s?"
    # a suspended hyphen: "5-, 10-, and 30-second clips", "3- and 7-layer networks"
    r"|-(?:,\s?|,?\s(?:and|or|to)\s))$"
)
_RESOLUTION = re.compile(
    r"(?P<a>\d{1,5})\s?[×x*X]\s?(?P<b>\d{1,5})(?!\d|\.\d)(?:\s?(?P<px>pixels?|px)\b)?"
)
# a model's name and the parenthesis its size stands in: "EmbeddingGemma (300M)"
_NAME_PAREN_BEFORE = re.compile(
    r"(?:\b[A-Z][\w.-]*[\w]|\b(?:models?|variants?|networks?|(?:[A-Z]+)?LLMs|[A-Z]?LMs|"
    r"(?:model|parameter)\s(?:sizes?|scales?)|(?<!data\s)(?<!dataset\s)(?<!batch\s)sizes?))"
    r"\s?\(\s?(?:~\s?|≈\s?|\$\\(?:sim|approx)\$\s?)?\$?$"
)
_SIZE_PAREN_AFTER = re.compile(r"\$?\s?\)")
_USD_BEFORE = re.compile(r"\b(?:USD|US\$)\s?$")
_WIRELESS_GENERATION = re.compile(r"[2-7]G")
_DATA_AFTER = re.compile(
    r"\s(?:(?!(?:while|and|or|with|of|to|the|in|on|for|holding|using)\b)[\w-]+\s){0,2}(?i:data)\b"
)
# a "T" size hyphened to a word that is no size's noun ("7T-quality"; not "1T-token")
_T_HYPHEN_WORD = re.compile(r"-(?!(?:tokens?|param(?:eter)?s?|scale|sized?|words?)\b)[A-Za-z]")
# (singular: "360 videos" may count videos)
_PANORAMIC_AFTER = re.compile(r"(?i)\s(?:video|camera|panoram\w*|head|field of view)\b")
_TOKEN_WORD = re.compile(r"\btokens?\b")
_DECADE = re.compile(r"1[89][0-9]0s|20[0-9]0s")
_SQUARED = re.compile(r"\^\s?2(?!\d|\.\d)|²")
_RES_WORD = re.compile(r"^\s?(?:resolution|res\b|pixels?|px\b)", re.I)
_RES_BEFORE = re.compile(r"resolution[s]?\s?(?:of\s|\(|at\s)?$|resolution\)?\s?\($", re.I)
# 2K, 4K and 8K name display resolutions before what is shown in them ("4K image
# generation", "processing 4K images at 30 FPS", "native 4K panoramic scenes", "4K/8K
# image restoration", "HD and 4K benchmarks"); a count of such things is qualified or
# read as an amount ("over 4K surgical videos", "trained on only 8K images", the last of
# a list of amounts)
_DISPLAY_K = re.compile(r"[248]K")
_DISPLAY_K_AFTER = re.compile(
    r"(?:/[248]K)?(?:[\s-](?:UHD|HD|ultra-high-resolution|high-resolution|high-quality|"
    r"panoramic|omnidirectional|photorealistic|aerial|UAV)){0,2}[\s-](?:images?|videos?|"
    r"frames?|panoramas?|imagery|displays?|content|outputs?|synthesis|generation|"
    r"restoration|super-resolution|upscaling|recordings?|streams?|textures?|benchmarks?)\b"
    # "an 8K ultra-high-resolution dataset", "4K (3648$\times$2048) image SR"
    r"|[\s-](?:ultra-high-resolution|high-resolution|UHD)\b|\s?\(\d+\s?(?:\$?\\times\$?|x|×)",
    re.I,
)
_DISPLAY_K_BEFORE = re.compile(r"\b(?:native|photorealistic|UHD|HD (?:and|or)|HD,)\s$")
_AMOUNT_BEFORE = re.compile(
    r"(?i)\b(?:over|more than|about|around|approximately|nearly|only|just|of|than|under|"
    r"with|contains?|containing|compris\w*|includ\w*|collect\w*|curat\w*|has|have|had|"
    r"release\w*)\s$|~\s?$|\\sim\s?$"
    # the last of a list of amounts: "1M AI-generated videos, and 2K panoramic videos"
    r"|\d[KMB]?\s[^,;.()]{1,40},\s(?:and\s)?$"
)
_SCORE_BEFORE = re.compile(
    r"(?P<metric>FID|FVD|KID|BLEU|ROUGE(?:-[L12])?|PSNR|SSIM|LPIPS|CIDEr|METEOR|Elo|"
    r"CLIP ?[Ss]core|BERTScore|COMET|[Pp]erplexity|PPL|mIoU|IoU|PQ|AUC|AUROC|mAP|AP|IS|NDS|"
    r"[Ii]nception [Ss]core|EM|F1|[Pp]recision|[Rr]ecall|[Cc]orrelation|[Kk]appa|"
    r"(?<![\w-])(?:[A-Za-z][\w@-]*\s)?score)"
    r"(?:\s(?:scores?|values?))?(?:\s?(?:of|=|:|is|to|at|reaches|drops to)\s?|\s\(?|\()"
    # "BLEU scores of up to 30": a bound between the link and the number
    r"(?:(?:up to|about|around|nearly|over|approximately|roughly|at least|only|just)\s)?$"
)
_FACTOR_BEFORE = re.compile(
    r"\b(?:speed-?ups?|acceleration|speed(?:ing)? up|reduction|compression(?: ratio| rate)?|"
    r"(?:a\s)?factor)(?:\sfactors)?(?: of| by)?"
    r"(?: up to| about| nearly| over| around| roughly)?\s$",
    re.I,
)
_SCORE_AFTER = re.compile(
    r"^\s?(?:in|on|of)\s(?P<metric>FID|FVD|KID|BLEU|ROUGE(?:-[L12])?|PSNR|SSIM|LPIPS|CIDEr|"
    r"perplexity|PPL|mIoU|mAP|IS)\b"
)
# "6 of these problems", "4 out of 5 tasks", "10 of 13 features": a part of a set
_PART_OF = re.compile(
    r"\s(?:out\s)?of\s(?:these|those|them|which|the|all)\b|\sout\sof\b|\sof(?=\s\d[\d,]*\s[a-z])"
)
_DETERMINER_AFTER = re.compile(r"\s(?:our|their|its|the|these|those|all)(?=\s\d)")
_NOUN_PAREN_BEFORE = re.compile(r"\b(?P<noun>[a-z][\w-]*s)\s?\($")
_VS_AFTER = re.compile(r"\s?(?:vs\.?|versus)\s?\d")
# a capitalised word inside a sentence before a bare integer names a version of it, unless
# it is a word that opens a phrase ("Using 8 GPUs" after a colon, "Over 20 languages")
_NAME_WORD_BEFORE = re.compile(r"(?<![.!?:;`\"“]\s)(?<![.!?:;`\"“])(?<!^)\b([A-Z][a-z]{2,})\s$")
_WORD = re.compile(r"[A-Za-z][\w-]*")


@lru_cache(maxsize=256)
def _title_cased(text: str) -> bool:
    """Most words of ``text`` capitalised: a title, where capitals name nothing."""
    words = [w for w in _WORD.findall(text) if len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) > 0.6 * len(words)


_CAPITALISED_LINKS = frozenset(
    "using with over about across only all each the our these those top first last over "
    "under nearly around approximately roughly among between from into within".split()
)
# a version after a product's name ("Gemini Flash 1.5,", "Claude Sonnet 3.7 emphasizes"):
# versions are written with one digit each side of the point, measured values rarely
_VERSION_LIKE = re.compile(r"[1-9]\.\d")
# the name a version follows: a capitalised word ("Sonnet 3.7", "Seedream 3.0" opening a
# title), a name with capitals or digits inside ("SeedEdit 3.0", "Hunyuan3D 2.1",
# "wav2vec 2.0"), the last word of a name followed by its acronym ("Stable Diffusion (SD)
# 1.5"), joined by a space or LaTeX's unbreakable "~" ("Claude~3.5"); or a parenthesis
# opened right after it ("Gemini (1.5 flash", "Llama (3.2)"), which `_version_name_before`
# accepts only after a known model family or a mixed-case name, since a capitalised
# metric opens one too ("Relevance (4.5 versus 3.2)")
_CAPITALISED_WORD_BEFORE = re.compile(
    r"(?P<word>\b[A-Z][A-Za-z\d-]*|\b[a-z]+\d[a-z\d]*)(?:\s\([A-Z][\w-]*\))?"
    r"(?:[\s~]|(?P<open>\s?\())$"
)
_MIXED_CASE = re.compile(r"(?=[\w-]*[a-z])[A-Za-z][\w-]*[A-Z\d][\w-]*")  # ChatGPT, SeedEdit
# right after a version: anything but a comparison of two values ("Completeness 4.2
# versus 2.5", "SUS 90.0 ± 9.0" are scores)
_NOT_VERSION_AFTER = re.compile(r"\s?(?:vs\.?|versus|±|\+-|\+/-)(?:\s|\d|$)")
# "Recall@5 and 5.3-13.6%": the low end of a range is no version ("Eagle 2.5-8B" is)
_RANGE_AFTER = re.compile(r"\s?(?:[-–~]|to\s)\s?\d[\d.,]*(?![\d.,]*[BMK]\b)")
# after a version that opens a parenthesis: the list goes on, or a lowercase suffix
# follows ("Gemini (1.5 flash,", "ChatGPT (3.5-turbo", "Llama (3.2)"); a capitalised
# word there may be a unit the rules lack ("DeepExtremeCubes (2.3 Tb)")
_VERSION_IN_PARENS_AFTER = re.compile(r"[,;)]|-[a-z]|\s[a-z]|\s(?:and|or)\s")
_BATCH_BEFORE = re.compile(r"\bbatch size(?: of| =| is)?\s$", re.I)
# "(N=20)", "$n = 1{,}170$": a sample size, the number of samples a study drew
_SAMPLE_SIZE_BEFORE = re.compile(r"(?<![\w\\{}])\$?[Nn]\s?(?:=|>|≥|\\geq|\\approx|≈)\s?\$?\s?$")
_CONTEXT_BEFORE = re.compile(
    r"\b(?:context (?:window|length)|sequence length)s?\b[^.;]{0,40}\b(?:of|to|=)\s$", re.I
)
_LIST_AFTER_NAME = re.compile(
    r"[A-Za-z][\w.]*-\d+(?:\.\d+)?[BMK](?:,\s?\d+(?:\.\d+)?[BMK])*,\s?(?:and\s)?$"
)
_EXAMPLE_OF = re.compile(r"\b(?P<noun>[A-Za-z][\w-]*)\s?\((?:e\.g\.|i\.e\.|eg\.|ie\.),?\s$")
# a comparative or a change noun right after a spaced "x" makes it a factor
_FACTOR_WORD_AFTER = re.compile(
    r"\s(?:more|less|fewer|faster|slower|higher|lower|larger|smaller|better|cheaper|greater|"
    r"longer|shorter|bigger|speed-?ups?|reduction|improvement|increase|compression|"
    r"acceleration)\b"
    r"|(?<=×)\s?(?:[.,;:)]|$)"  # "$2.32 \sim 26.6 \times$." (not a letter x)
    # and a times sign before what a change noun heads: "62.9 $\times$ energy savings"
    r"|(?<=×)\s(?:[\w-]+\s){1,2}(?:savings?|reductions?|improvements?|gains?|speed-?ups?|"
    r"increases?|decreases?)\b"
)
# a spaced "s" is seconds before punctuation or a word ("0.5 s latency", "in 3 s.")
_SECONDS_AFTER = re.compile(r"[,.;:)]|\s[a-z(]|$")
_GLUE_ONLY = frozenset({"p", "h", "s", "B", "J", "W", "x", "X", "×"})
# A model word right after a size ("a 7B model", "1.4B MoMa model"): the size is a
# parameter count even where a name stands before it ("the MoMa 1.4B model").
# "13 million LLM labels" counts what the models made, not their size
_MADE_BY_MODELS = (
    r"(?!\s(?:labels|annotations|outputs|responses|generations|judgments|calls|queries)\b)"
)
_MODEL_AFTER = re.compile(
    r"^\s?(?:[A-Z][\w.-]*\s)?(?:models?|LLMs?|LMs?|networks?|transformers?|checkpoints?|"
    r"variants?|versions?|backbones?|teachers?|students?)\b"
    + _MADE_BY_MODELS
    + r"|(?-i:^-[A-Z])|^\s[A-Z][\w.-]*\s(?:models?)\b",
    re.IGNORECASE,
)
# The head of the noun phrase after a size that no name stands before, up to three
# modifiers on ("72B linear attention model", "47B hybrid Mamba-Transformer models",
# "8B DiT baseline", "7B open-source LMMs"): a model word there makes the size a
# parameter count, whatever the modifiers. A modifier is any word but a function word
# or a thing a model is counted in ("400M tokens of model text" counts tokens); a head
# is no head when a noun of what models make follows ("13 million LLM labels") or, in
# the singular, a hyphen ("1.1 million agent-level samples").
_MODEL_HEAD = (
    r"(?:models?|LLMs?|LMs?|VLMs?|MLLMs?|LMMs?|LVLMs?|RMs?|PRMs?|SLMs?|networks?|"
    r"transformers?|checkpoints?|variants?|versions?|backbones?|teachers?|students?|"
    r"baselines?|agents?|sizes?|counterparts?)"
)
_MODEL_MODIFIER = (
    r"(?!(?:of|from|to|and|or|with|for|in|on|at|by|the|a|an|than|vs|is|are|was|were|"
    r"among|across|over|under|into|x|tokens?|images?|samples?|pairs?|words?|examples?|"
    r"param(?:eter)?s?|instances?|frames?|videos?|documents?|sentences?|questions?)\b)"
    r"[\w.$\\{}()/-]+"
)
_MODEL_HEAD_AFTER = re.compile(
    rf"^(?:\s?|\s(?:{_MODEL_MODIFIER}\s){{1,3}}){_MODEL_HEAD}\b(?!(?<!s)-)"
    + _MADE_BY_MODELS
    + r"|(?-i:^-[A-Z])",
    re.IGNORECASE,
)


# Degrees of freedom that say what kind of pose or motion a paper handles ("6DoF pose
# estimation", "5 DoF (Degrees of Freedom) pose", "6-DOF camera localization") name its
# space as "3D" does, and are no mention (rule dof.term; it makes none, so it is counted
# by comparing runs); a robot's ("a 7DoF arm", "a 7-DOF robot", "20 DoF") stay a count.
_DOF_TERM = re.compile(
    r"[-\s]?(?i:dof|degrees?[- ]of[- ]freedom)(?:\s?\([^()]{1,40}\))?"
    r"(?:[\s-][\w-]+){0,2}?[\s-](?i:poses?|motion|locali[sz]ation|tracking|estimation|"
    r"registration|navigation|trajector(?:y|ies)|grasp(?:s|ing)?|manipulation|rotation)\b"
)


@dataclass(slots=True)
class RawQuantity:
    """A quantity found in a clean sentence, before classification (clean offsets)."""

    start: int
    end: int
    value: float
    value_high: float | None
    unit: str  # canonical unit
    pint: str  # surface unit for the converter
    num_start: int
    num_end: int  # end of the (last) number, before the unit
    noun: str | None = None  # the counted noun phrase, e.g. "training steps"
    sign: str | None = None
    kind: str | None = None  # forced by the form (resolution, "twice", "half", signs)
    direction: str | None = None
    metric: str | None = None
    is_word: bool = False
    setting: bool = False  # a hyperparameter's value ("guidance 1.5"): always setup
    tally: bool = False  # "k/n tasks", "k of these n problems": how many of a set succeeded
    borrowed_from: RawQuantity | None = None  # the compared quantity it took its unit from
    rules: list[str] = field(default_factory=list)  # ids of the rules that found and read it
    finding: bool = False  # a count of what the study found ("we identify five failure modes")
    before_after: str | None = None  # "before" / "after": one side of "from X to Y"
    pint_low: str | None = None  # the low end's unit, where it names its own ("30 seconds to")


@dataclass(slots=True)
class _Num:
    start: int  # including sign
    num_start: int
    end: int
    value: float
    mag: float
    sign: str | None
    integer: bool


# thousands grouped by spaces ("17 000 specimens", "5 700 learners", "500 000 texts"),
# not a list of sizes ("128 256"): a lead of one or two digits, or a last group in hundreds
_GROUP = re.compile(r"\d{3}(?![\d.,-]| \d)")


def _space_grouped(text: str, nums: list[_Num]) -> list[_Num]:
    out: list[_Num] = []
    for n in nums:
        p = out[-1] if out else None
        if (
            p is not None
            and p.end + 1 == n.num_start == n.start
            and text[p.end] == " "
            and p.integer
            and p.mag == 1.0
            and n.mag == 1.0
            and _GROUP.match(text, n.num_start)
            and n.end == n.num_start + 3
            and (
                p.end - p.num_start <= 2
                or (p.end - p.num_start == 3 and text[n.end - 2 : n.end] == "00")
            )
            and (p.num_start == 0 or text[p.num_start - 1] not in ",.")
        ):
            out[-1] = _Num(p.start, p.num_start, n.end, p.value * 1000 + n.value, 1.0, p.sign, True)
            continue
        out.append(n)
    return out


def _masked(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MASK.finditer(text)] if ("/" in text or ":" in text) else []


def _in(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


def _number_at(text: str, m: re.Match[str], lex: Lexicon) -> _Num | None:
    value, mag = parse_number(m, lex)
    if not math.isfinite(value):
        return None
    sign = m.group("sign")
    start = m.start()
    num_start = m.start("pow") if m.group("pow") else m.start("num")
    if sign:
        prev = text[start - 1 : start]
        if prev and (prev.isalnum() or prev in ".-_/"):
            sign, start = None, num_start  # a hyphen inside a name or a range
        elif sign in "-−" and prev not in ("(", " ", "", "[", "=", "$"):  # "\beta=-1.69"
            sign, start = None, num_start
    raw = m.group("num") or ""
    end = m.end()
    if text[end : end + 1] == "+" and text[end + 1 : end + 2] in ("", " ", ",", ")", ";"):
        end += 1  # "2,000+ screenshots": at least (the qualifier reads the "+")
    return _Num(start, num_start, end, value, mag, sign, "." not in raw)


def _unit_later(text: str, pos: int, lex: Lexicon) -> bool:
    """A unit still to come for the number ending at ``pos``: after an error bar
    (``98.1±0.7%``) or at the end of a list it heads (``9.1, 1.3, and 4.2 points``)."""
    m = _LIST_TAIL.match(text, pos)
    return bool(m and m.end() > pos and _unit_after(text, m.end(), lex))


_FINE_DECIMAL = re.compile(r"\d+\.\d{2,}")


def _factor_sign_before(text: str, n: _Num) -> int | None:
    """Where a factor's sign stands before its number ("x7", "×4", LaTeX's "($\\times 4$)"
    as "(× 4)"; not the x of a name, "(x2x)"), or None."""
    sign = n.num_start - 1
    if sign >= 2 and text[sign - 2 : n.num_start] == "(× ":
        # only the times sign may stand apart, and only opening an aside: "6 LLMs × 8
        # prompting strategies", "4K × 4K" multiply sizes, "x 4" is no factor
        sign -= 1
    if (
        sign >= 0
        and text[sign : sign + 1] in ("x", "×")
        and (sign < 1 or not text[sign - 1].isalnum())
        and not (sign >= 2 and text[sign - 1] == "-" and text[sign - 2].isalnum())  # "VQA-x1"
        and not text[n.end : n.end + 1].isalpha()  # "(x2x) translation" is a name
    ):
        return sign
    return None


_POINTS_GAINED = re.compile(
    r"(?i)(?:\b(?:by|rais\w*|improv\w*|gain\w*|boost\w*|increas\w*|outperform\w*|surpass\w*|"
    r"lead\w*|drop\w*|los[est]\w*)\s(?:\w+\s){0,3}?(?:about\s|over\s|nearly\s|up to\s)?|[+−-])\$?$"
)
_POINTS_GAINED_AFTER = re.compile(
    r"[-\s](?:improvements?|gains?|increases?|boosts?|higher|lower|drops?|better|lead)\b"
)


def _is_name(text: str, n: _Num, lex: Lexicon) -> bool:
    left = text[max(0, n.num_start - 60) : n.num_start]
    if (
        _VERSION_DECIMAL.fullmatch(text, n.num_start, n.end)
        and (size := _SIZE_HYPHENED_AFTER.match(text, n.end))
        and n.value >= float(size.group(1))
    ):
        # "(3.2-3B, 3.1-8B)": a version hyphened to the model's size (no range runs
        # down: "1.5-7B" is one)
        return True
    if _USD_BEFORE.search(left):
        return False  # "USD 100" is a sum, no version of "USD"
    if _factor_sign_before(text, n) is not None:
        return False  # "x7" is a factor
    if left[-1:] == " " and (
        text[n.end : n.end + 1] == "%" or _FINE_DECIMAL.fullmatch(text, n.num_start, n.end)
    ):
        # "by Top-1 2.9%", "ResNet-50 76.1%", "on Subtask 1, 35.68": a share or a
        # measured value standing alone (versions and sections have one decimal digit)
        return False
    if _SIZE_SLASH_BEFORE.search(left):
        return False  # "340M/1.3B parameters": the second of two sizes
    if left[-1:] == "[" and "." in text[n.num_start : n.end]:
        return False  # "Clinical ML [1.28 (1.18-1.39)]": citations are whole numbers
    if lex.name_left.found(left) and not (n.sign and left[-1:] in "+-−"):
        return True
    if _YEAR_APOSTROPHE.search(left) and n.end - n.num_start == 2 and n.integer:
        return True  # "AXOLOTL'24 shared task", "AIME'25": an edition's year, in its name
    return bool(_LIST_AFTER_NAME.search(left))


_YEAR_APOSTROPHE = re.compile(r"[A-Za-z]['’]$")
_VERSION_DECIMAL = re.compile(r"\d{1,2}\.\d")
_SIZE_HYPHENED_AFTER = re.compile(r"-(\d+(?:\.\d+)?)[BMKT]\b")


_SIZE_SLASH_BEFORE = re.compile(r"(?<![\w.-])\d+(?:\.\d+)?[kKMBTp]/$")  # "7B/13B", "720p/1080p"


def _name_right(text: str, n: _Num, lex: Lexicon) -> bool:
    """A number glued to letters that are not a unit (2D, T5, 3DGS) is part of a name."""
    return bool(lex.name_right_re.match(text[n.end : n.end + 12]))


def _unit_after(text: str, pos: int, lex: Lexicon) -> tuple[UnitRule, int, int, str] | None:
    """The unit right after a number: (rule, unit start, unit end, SI prefix)."""
    if text.startswith("+%", pos):
        pos += 1  # "gains of 28+% on Screenspot-pro": a share "or more" (the qualifier's)
    ws = 0
    while pos + ws < len(text) and text[pos + ws] == " " and ws < 1:
        ws += 1
    m = lex.unit_re.match(text, pos + ws)
    if not m:
        return None
    group = m.lastgroup or ""
    idx = int(group[1:])
    rule = lex.units[idx]
    surface = m.group().strip(" -‐")
    if (
        ws
        and surface in _GLUE_ONLY
        and not (surface in "xX×" and _FACTOR_WORD_AFTER.match(text, m.end()))
        and not (surface == "s" and _SECONDS_AFTER.match(text, m.end()))
    ):
        return None  # "18 x more failures", "10 × faster" are factors all the same
    prefix = ""
    for name, val in m.groupdict().items():
        if val and (name.startswith("p_") or name.startswith("p2_")):
            prefix = val
        elif val and name.startswith("word_"):
            prefix = {"kilo": "k", "mega": "M", "giga": "G", "tera": "T", "peta": "P"}[val.lower()]
    return rule, m.start(), m.end(), prefix


def _pint_surface(rule: UnitRule, prefix: str) -> str:
    if "{P}" not in rule.pint:
        return rule.pint
    si = {"k": "kilo", "K": "kilo", "M": "mega", "G": "giga", "T": "tera", "P": "peta"}
    return rule.pint.replace("{P}", si.get(prefix, ""))


_AND_OR = re.compile(r" (?:and|or) ")
# a collection named in the singular: what a number before its modifier counts is that
_COLLECTION_HEAD = re.compile(r"[- ](?:dataset|benchmark|corpus|collection|database|pool|bank)")
# a number hyphened to its noun counts that noun ("a 20K-sample training dataset", "a
# 12,000-item benchmark"), unless the noun only says how big ("10-million-level samples")
_HYPHENED_NOUN = re.compile(r"-(?!(?:level|scale|sized?|scaled)\b)[A-Za-z]")


def _hyphened_count(text: str, start: int, end: int) -> bool:
    return bool(_HYPHENED_NOUN.match(text, start, end))


def _head_further(text: str, pos: int, lex: Lexicon) -> tuple[UnitRule, int, int] | None:
    """The plural noun that heads a phrase after at most two more modifier words from
    ``pos``: what a hyphened modifier ("expert-annotated") leaves its number to count."""
    for _ in range(2):
        if text[pos : pos + 1] != " ":
            return None
        mod = lex.modifier_re.match(text, pos + 1)
        if not mod or mod.group().lower() in lex.stop_words:
            return None
        pos = mod.end()
        nxt = _noun_match(text, pos, lex, allow_other=True, k=0)
        if nxt and text[pos : pos + 1] == " ":
            return nxt
    return None


def _noun_match(
    text: str, pos: int, lex: Lexicon, *, allow_other: bool, k: int
) -> tuple[UnitRule, int, int] | None:
    m = lex.noun_re.match(text, pos)
    if not m or not m.group().strip(" -"):
        return None
    rule = lex.nouns[int((m.lastgroup or "n0")[1:])]
    word = m.group().strip(" -")
    if rule.other_plural and (
        not allow_other
        or k > 4
        or word.lower() in lex.stop_words
        or word.lower() in lex.not_nouns
        # a title capitalises its plurals: "101 Classes of 33 Crops", "17,000 Floor Plans"
        or not (word[0].islower() or (_TITLE_PLURAL.fullmatch(word) and _title_cased(text)))
    ):
        return None
    return rule, m.start(), m.end()


_TITLE_PLURAL = re.compile(r"[A-Z][a-z]{2,}s")
# a known noun in the singular ("text", "image", "video", "data"), as it stands before
# the head of a compound
_SINGULAR_MODIFIER = re.compile(r"[- ]?[a-z][a-z-]*[a-rt-z]")
# an agent noun: what does something to the data ("encoders", "generators", "detectors")
_AGENT_NOUN = re.compile(r"[a-z]{3,}(?:er|or)s")


def _not_a_piece(head: str, lex: Lexicon) -> bool:
    """Whether a plural head counts no piece of the data its modifier names: a word the
    dataset-items rule never reads as a sample ("question types", "image features"), or
    an agent noun ("image generators")."""
    return head in lex.not_dataset_items or bool(_AGENT_NOUN.fullmatch(head))


def _noun_after(
    text: str, pos: int, lex: Lexicon, *, allow_other: bool
) -> tuple[UnitRule, int, int] | None:
    """A counted noun after at most ``max_modifiers`` modifier words: (rule, noun start, end).

    A noun directly followed by another noun or a hyphenated word extends the phrase
    (``25 language families``, ``207K image-text pairs``).
    """
    cur = prev_mod = pos
    for k in range(lex.max_modifiers + 1):
        found = _noun_match(text, cur, lex, allow_other=allow_other, k=k)
        if found:
            rule, start, end = found
            while rule.canonical != "parameter":  # "7B-sized student model" is a size
                if text[end : end + 1] == "-":
                    mod = lex.modifier_re.match(text, end + 1)
                    nxt = mod and _noun_match(text, mod.end(), lex, allow_other=True, k=0)
                    if nxt and text[mod.end() : mod.end() + 1] == " ":
                        rule, end = nxt[0], nxt[2]
                        continue
                    # "5000 expert-annotated brain MRI slices", "150 user-generated content
                    # videos": a hyphened modifier, then the head a few words on
                    if mod and (head := _head_further(text, mod.end(), lex)):
                        rule, end = replace(head[0], id="noun.head_further"), head[2]
                        continue
                nxt = _noun_match(text, end, lex, allow_other=True, k=0)
                if nxt and text[end : end + 1] == " ":
                    # the last noun of a compound is its head: "4 image experts"; a generic
                    # plural too after a singular noun, which can only be its modifier, when
                    # it names no piece of that thing ("38,391 video segments" are videos)
                    # but a kind of it or an agent ("12 different text encoders" counts
                    # encoders, not texts); not when the number is hyphened to the first
                    # noun ("5-shot settings" counts shots)
                    if (
                        not nxt[0].other_plural
                        and not _hyphened_count(text, start, end)
                        # "an 8k multi-turn conversation dataset" counts conversations
                        and not (
                            _COLLECTION_HEAD.fullmatch(text, nxt[1], nxt[2])
                            and text[pos : pos + 1] != "-"  # "11-category ... dataset"
                        )
                    ):
                        rule = nxt[0]
                    elif (
                        not rule.other_plural
                        # ("5 task families" are counts already)
                        and rule.canonical != nxt[0].canonical
                        and text[start : start + 1] == " "
                        and _SINGULAR_MODIFIER.fullmatch(text, start, end)
                        and _not_a_piece(text[nxt[1] : nxt[2]].strip(" -").lower(), lex)
                    ):
                        rule = replace(nxt[0], id="noun.compound_head")
                    end = nxt[2]
                    continue
                # "question answer pairs": one more word, then a known noun
                mod = lex.modifier_re.match(text, end + 1) if text[end : end + 1] == " " else None
                if mod and mod.group().lower() not in lex.stop_words:
                    # the last noun of a compound is its head, a generic plural too:
                    # "8 federated prompt learning methods" counts methods
                    nxt = _noun_match(text, mod.end(), lex, allow_other=True, k=0)
                    if nxt and text[mod.end() : mod.end() + 1] == " ":
                        if not _hyphened_count(text, start, end):
                            rule = nxt[0]
                        end = nxt[2]
                        continue
                # "14 image and video benchmarks": a singular noun and another are the
                # modifiers of the plural head after them
                if (
                    (join := _AND_OR.match(text, end))
                    and text[start : start + 1] == " "  # not "1-shot and cross-condition"
                    and _SINGULAR_MODIFIER.fullmatch(text, start, end)
                    and not text[start:end].endswith("a")  # "21 corpora and three tagsets"
                    and not lex.number_word_re.match(text, join.end())
                    and (head := _head_further(text, join.end() - 1, lex))
                ):
                    rule, end = replace(head[0], id="noun.head_further"), head[2]
                    continue
                break
            return rule, start, end
        sep = _MODIFIER_SEP.match(text, cur) if k else None
        if sep and (
            sep.group("joined")
            or _ADJECTIVE.fullmatch(text, prev_mod, cur)
            or (k <= 2 and text[prev_mod].islower() and _LIST_GOES_ON.match(text, sep.end()))
        ):
            # "550 real-world, executable tools", "86 convolutional, transformer, and
            # hybrid models", "12 open- and closed-source MLLMs": a list of modifiers
            # (a bare comma not before a verb: "95 accuracy, outperforming ..." is no list)
            cur = sep.end() - 1
        if cur >= len(text) or text[cur] not in " -":
            return None
        mod = lex.modifier_re.match(text, cur + 1)
        if mod and not k and text[cur] == "-" and mod.group().isupper():
            return None  # "3-SAT solvers", "5-HT receptors": the number is in a name
        if mod and not k and text[cur] == "-" and mod.group().lower() in _NOT_HYPHEN_NOUNS:
            return None  # "a 3-dimensional subspace", "a 10-based index": no count
        if mod and mod.group().lower() in ("and", "or") and k:
            # "14 medical and standard image datasets": coordinated modifiers
            mod = lex.modifier_re.match(text, mod.end() + 1)
        if not mod:
            return None
        word = mod.group().lower()
        # "9 widely used few-shot benchmarks": a participle after an adverb modifies
        if word in lex.stop_words and not (word == "used" and text[prev_mod:cur].endswith("ly")):
            return None
        if (word in lex.not_nouns and not word.endswith("ous")) or (k == 0 and word[:1] == "("):
            # a verb ends the phrase ("TCSinger 2 mainly includes three modules"), and an
            # acronym in parentheses right after the number names it ("Model 2 (SAM2)")
            return None
        prev_mod, cur = mod.start(), mod.end()
    return None


# between two modifiers of a counted noun: a comma, ", and", or a suspended hyphen's
# "- and" (the match ends on the space before the next modifier)
_MODIFIER_SEP = re.compile(r"(?:-?,?\s(?P<joined>and|or)|,)(?=\s[A-Za-z\d])\s")
# the word after a bare comma goes on a list of modifiers: no verb, participle or link
_LIST_GOES_ON = re.compile(
    r"(?![a-z]+(?:ing|ed|es|s)\b|(?:which|that|while|with|and|or|the|a|an|we|it|to|in|on|"
    r"for|of|as|by)\b)[a-z][\w-]*\s"
)
_QUOTED = re.compile(r"\"[^\"]*\"\s?|``.*?''\s?|“[^”]*”\s?")
_ADVERB_PARTICIPLE = re.compile(r"^[a-z]+ly used\s")
_LIST_JOIN = re.compile(r"-?,?\s(?:and|or)\s|,\s")
_ADJECTIVE = re.compile(
    r"[\w'&]+-[\w'&-]+|[a-z]+(?:al|ed|ive|ic|ous|ary|ble|ful|less|ar|ent|ant|ing|ern|ian)"
)


def clean_span(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " -":
        end -= 1
    while start < end and text[start] == " ":
        start += 1
    return start, end


def find_quantities(
    text: str, lex: Lexicon, *, word_counts: bool = False, previous: str = ""
) -> list[RawQuantity]:
    """All quantities in a normalised sentence, in text order.

    ``word_counts`` also reports counts written in words (``three stages``), which the
    spec treats as optional; ``previous`` is the sentence before, read only when it may
    name the dataset a sentence goes on about ("It comprises 28,179 sets").
    """
    masked = _masked(text)
    nums: list[_Num] = []
    for m in NUMBER_RE.finditer(text):
        if _in(masked, m.start()):
            continue
        n = _number_at(text, m, lex)
        if n is not None:
            nums.append(n)
    if " " in text and len(nums) > 1:
        nums = _space_grouped(text, nums)
    out: list[RawQuantity] = []
    taken_until = -1
    name_start = name_end = -1  # the last number read as part of a name
    i = 0
    while i < len(nums):
        n = nums[i]
        i += 1
        if n.start < taken_until:
            continue
        if n.start == name_end + 1 and text[name_end : n.start] == "/":
            name_start, name_end = n.num_start, n.end  # "LLaMA 3.1/3.3": its other version
            continue
        if _is_name(text, n, lex) or _next_version(text, n, name_start, name_end, lex):
            name_start, name_end = n.num_start, n.end
            continue
        q, consumed = _quantity_from(text, n, nums[i:], lex)
        i += consumed
        if q is not None:
            out.append(q)
            taken_until = q.end
        elif not consumed:
            name_start, name_end = n.num_start, n.end
    _parallel_ranges(text, out)
    for q in out:
        if q.unit == "count" and q.noun and counts_findings(text, q.start, q.noun, lex):
            q.finding = True
            q.rules.append("find.count_of_findings")
    _share_units(text, out, lex)
    _dataset_samples(text, out, lex, previous)  # (before the parts, which take its unit)
    _parts_of_total(text, out, lex)
    _bare_decimals_are_scores(text, out)
    out = [q for q in out if q.unit]
    _signed_statistics(text, out)
    for q in out:
        if _SPACE_GROUPED.search(text, q.num_start, q.num_end):
            q.rules.append("number.space_thousands")  # "17 000 specimens" (NUMBER_RE)
    out.extend(_word_quantities(text, out, lex, word_counts=word_counts, masked=masked))
    out.extend(_ranks(text, out))
    out.sort(key=lambda q: q.start)
    return out


# A place in a ranking is a result, a score of its own (the blind set's gold reads it so):
# an ordinal after a verb of ranking ("ranked 6th overall", "ranks 1st on both
# leaderboards", "placing 2nd", "finished third"), or, after a verb of winning, one that a
# place word follows ("secured the 1st place", "won first prize", "achieving 3rd place");
# an ordinal glued to a place or prize needs no verb ("our first-place finish", "a
# 2nd-place solution"; not "first-position tokens"); and after a verb of ranking, one
# that follows what is ranked, a name of one to three words (a capital or a digit in
# them), when a preposition, a bracket or a stop ends it ("ranking GPT-4o
# 6th (mean 7.38)", "ranked o3 1st and ..."). Not "the first step", "first-order",
# "second-best", "ranked as the 3rd most spoken", "in the first place", a "2nd-Place" in a
# link, nor a capitalised "First" after a verb with no place word (a title: "Finish First,
# Perfect Later").
def _ordinal(tag: str = "") -> str:
    """An ordinal as groups ``n{tag}`` (the word) and ``d{tag}`` (its digits, if any): one
    pattern for each branch of ``_RANK``, which may not repeat a group's name."""
    return rf"(?P<n{tag}>(?P<d{tag}>[1-9]\d?)(?:st|nd|rd|th)|first|second|third|fourth|fifth)"


_RANK = re.compile(
    r"(?i)\b(?:(?P<ranked>rank(?:ed|ing|s)?|plac(?:ed|ing|es)|finish(?:ed|es|ing)?)|"
    r"secur(?:ed|ing|es)|achiev(?:ed|ing|es)|won|win(?:ning|s)?|took|tak(?:ing|es)|"
    r"earn(?:ed|ing|s)?|obtain(?:ed|ing|s)?|claim(?:ed|ing|s)?)\s"
    r"(?:(?:the|our|a|an|joint|overall)\s)?(?:\\textbf\{)?"
    rf"{_ordinal()}(?![-\w])"
    r"(?P<place>\}?\s(?:place|position|spot|prize)\b)?"
    rf"|(?<!the )(?<![-/])\b{_ordinal('2')}"
    r"-(?:place|prize)\b"
    r"|\brank(?:ed|ing|s)?\s"
    # (what is ranked is a name: a capital or a digit in it, not "ranks passages first")
    r"(?:(?!(?:the|a|an|as|our|its|their|all|each|top|them|is|are|was|were|be)\s)"
    r"(?=[\w.-]*(?-i:[A-Z0-9]))[\w.-]+,?\s){1,3}?"
    rf"(?-i:{_ordinal('3')})"
    r"(?=\s?[,;.)(]|\s(?:in|on|among|overall|for|with|across|out|and|of)\b)"
)
_ORDINALS = {"first": 1.0, "second": 2.0, "third": 3.0, "fourth": 4.0, "fifth": 5.0}
# (a cheap look for an ordinal first: most sentences hold none)
_RANK_HINT = CaselessGate(r"\d(?:st|nd|rd|th)\b|\b(?:first|second|third|fourth|fifth)\b")


def _ranks(text: str, found: list[RawQuantity]) -> list[RawQuantity]:
    """Places in a ranking (``_RANK``) that no other quantity covers, as scores."""
    out: list[RawQuantity] = []
    if not _RANK_HINT.found(text):
        return out
    for m in _RANK.finditer(text):
        n = next(g for g in ("n", "n2", "n3") if m.group(g))
        unplaced = n == "n" and not m.group("place")
        if unplaced and (not m.group("ranked") or m.group(n)[0].isupper()):
            continue  # "achieved first" without a place word is no rank; nor a title's
        a, b = m.span(n)
        if any(a < q.end and q.start < b for q in found):
            continue
        digits = m.group("d" + n[1:])
        value = float(digits) if digits else _ORDINALS[m.group(n).lower()]
        q = RawQuantity(a, b, value, None, "score", "score_unit", a, b, kind="value")
        q.metric, q.rules = "rank", ["find.rank"]
        out.append(q)
    return out


# a statistic given its value: "$\beta=-1.69$", "r = -0.45", "a correlation of -0.32"
# ("a decrease of -0.03", "AUC changes of -0.26", "a difference of -1.34" are changes)
_STATISTIC_IS = re.compile(
    r"(?:[=≈:]|(?<!change )(?<!changes )(?<!decrease )(?<!increase )(?<!difference )"
    r"(?<!drop )(?<!gain )(?<!reduction )(?<!improvement )(?<!\) )\bof|\bwas|\bwere|\bis)"
    r"\s?\$?\s?$"
)


def _signed_statistics(text: str, qs: list[RawQuantity]) -> None:
    """A negative score that a statistic is said to equal is that value, sign and all,
    not a change down: a coefficient of -1.69 is no drop of 1.69."""
    for q in qs:
        if (
            q.unit == "score"
            and q.sign in ("-", "−")
            and q.value_high is None
            and _STATISTIC_IS.search(text, max(0, q.start - 20), q.start)
        ):
            q.value, q.sign, q.kind = -q.value, None, "value"
            q.rules.append("score.signed_value")


# a capitalised word (not opening the sentence), or a version after one, right before a size
_NAME_VERSION = r"\b[A-Z][\w.-]*\s\d[\w.]*"  # "Gemma 3", "Llama 3.1"
_SIZE_IN_NAME_BEFORE = re.compile(r"(?:(?<![.!?]\s)(?<!^)\b[A-Z][\w.-]*|" + _NAME_VERSION + r")\s$")
_VERSION_BEFORE_SIZE = re.compile(_NAME_VERSION + r"\s$")


def _number_as(n: _Num, unit: str, pint: str, **fields: object) -> RawQuantity:
    """The number ``n`` alone (no unit word after it) read as ``unit``."""
    return RawQuantity(n.start, n.end, n.value, None, unit, pint, n.num_start, n.end, **fields)  # type: ignore[arg-type]


def _found(rule_id: str, q: RawQuantity) -> RawQuantity:
    """``q``, recording that the rule ``rule_id`` found it."""
    q.rules.append(rule_id)
    return q


def _read_unit(q: RawQuantity, rule: UnitRule) -> RawQuantity:
    """``q``, recording the unit or noun rule that read its unit."""
    if rule.id:
        q.rules.append(rule.id)
    return q


# after a slash pair of numbers: a slash pair of metric names ("55/13 WER/CER")
_METRIC_PAIR_AFTER = re.compile(r"/\d[\d.]*\s(?P<first>[A-Z][\w@-]*)/(?P<second>[A-Z][\w@-]*)\b")
_LEADING_ZERO = re.compile(r"0\d")
_SCALE_TOPS = (5.0, 10.0, 100.0)  # the tops of rating scales, also written "5.00"


_KINDS = frozenset({"distinct", "different", "unique"})
_SPACE_GROUPED = re.compile(r"\d \d{3}(?!\d)")
_POINTS_NOUN = re.compile(r"\b(?:percent\w*|points?)\b", re.I)


def _quantity_from(
    text: str, n: _Num, following: list[_Num], lex: Lexicon
) -> tuple[RawQuantity | None, int]:
    """Build the quantity that starts with number ``n``; also returns how many of the
    ``following`` numbers it consumed (range ends, resolution sides)."""
    left = text[max(0, n.start - 60) : n.start]
    if (pair := _METRIC_PAIR_AFTER.match(text, n.end)) and n.mag == 1.0:
        # "55/13 WER/CER": the first of two values of the paired metrics named after them
        q = _number_as(n, "score", "score_unit", sign=n.sign, metric=pair.group("first"))
        return _found("find.metric_pair", q), 0
    # resolution: 256×256, 64 times 64, 4096 x 3000
    if (
        n.integer
        and n.mag == 1.0
        and 32 <= n.value <= 16384
        and (sq := _SQUARED.match(text, n.end))
    ):
        # "resolutions up to $2048^2$", "$1024^2$ images": a square image's side
        q = RawQuantity(n.num_start, sq.end(), n.value, None, "pixel", "pixel_side", n.num_start,
                        n.end, kind="value", metric="resolution")  # fmt: skip
        return _found("find.resolution_squared", q), 0
    res = _RESOLUTION.match(text, n.num_start)
    year = (
        n.integer
        and n.mag == 1.0
        and bool(lex.year_re.match(text[n.num_start : n.end]))
        and not (
            _COUNT_NOT_YEAR.search(text, max(0, n.start - 30), n.start)
            and _YEAR_AS_COUNT_AFTER.match(text, n.end)
        )
    )
    if res and n.mag == 1.0:
        a, b = int(res.group("a")), int(res.group("b"))
        after = text[res.end() : res.end() + 12]
        if min(a, b) >= 8 and (a == b or res.group("px") or _RES_WORD.match(after) or b >= 100):
            q = RawQuantity(
                n.num_start,
                res.end(),
                float(a),
                None,
                "pixel",
                "pixel_side",
                n.num_start,
                res.end(),
                kind="value",
                metric="resolution",
            )
            return _found("find.resolution", q), sum(1 for f in following if f.start < res.end())
    # fraction: 1/3 full attention layers, 20/20 tasks
    if (
        text[n.end : n.end + 1] == "/"
        and following
        and following[0].num_start == n.end + 1
        and n.mag == following[0].mag == 1.0  # "1.5B/3B models" are two sizes
        # "SROCC of 0.9885/0.9812", "PSNR/SSIM of 32.5/0.91": two decimals joined by a
        # slash are the values of paired metrics, each read alone, not a fraction
        and (n.integer or following[0].integer or following[0].value in _SCALE_TOPS)
        and not _METRIC_PAIR_AFTER.match(text, n.end)
    ):
        den = following[0]
        noun = _noun_after(text, den.end, lex, allow_other=True)
        if n.value < den.value and den.value <= 10 and n.integer and den.integer:
            q = RawQuantity(
                n.start,
                den.end,
                fraction_percent(n.value, den.value),
                None,
                "%",
                "proportion_percent",
                n.num_start,
                den.end,
                kind="proportion",
            )
            return _found("find.fraction_share", q), 1
        plain = n.mag == den.mag == 1.0  # "1.5B/3B" are two sizes, not a rating
        scale = den.integer or den.value in _SCALE_TOPS  # "4.60/5.00"
        if plain and not n.integer and scale and n.value <= den.value and not noun:
            # "rated it 4.3/5": a score out of a scale
            q = RawQuantity(
                n.start, den.end, n.value, None, "score", "score_unit", n.num_start, den.end
            )
            return _found("find.rating_out_of", q), 1
        if noun:
            rule, _, ne = noun
            q = RawQuantity(
                n.start,
                ne,
                n.value,
                None,
                rule.canonical,
                rule.pint,
                n.num_start,
                den.end,
                noun=text[den.end : ne].strip(" -"),
                tally=n.value <= den.value and n.mag == den.mag == 1.0 and den.integer,
            )
            return _found("find.fraction_count", q), 1
        return None, 1
    if (
        _DECADE.fullmatch(text, n.num_start, n.end + 1)
        and not text[n.end + 1 : n.end + 2].isalnum()
    ):
        return None, 0  # "peaked in the 1860s", "since the 1990s": a decade, not seconds
    unit = _unit_after(text, n.end, lex)
    if unit and unit[0].id == "unit.speedup_word" and n.num_start and text[n.num_start - 1] in "x×":
        unit = None  # "x7 speed-up": the factor's sign is before it (find.factor_before_number)
    if (
        unit
        and unit[0].id == "unit.percentage_point"
        and n.value > 100
        and n.integer
        and not _POINTS_GAINED.search(text, max(0, n.num_start - 40), n.num_start)
        and not _POINTS_GAINED_AFTER.match(text, unit[2])
    ):
        # "each with 500,000 points", "as few as 300 points": more points than any share
        # has, and no gain of a score ("raising 153 points on MME"), are counted points
        # (the counted-noun rules read them)
        unit = None
    prefix_usd = text[n.start - 1 : n.start] == "$" or text[n.num_start - 1 : n.num_start] == "$"
    # ranges: 67.2% to 80.0%, 21%-42%, 4~ 16×, 60M to 800M FLOPs, 1-4 steps
    after_unit = unit[2] if unit else n.end
    sep = _RANGE_SEP.match(text, after_unit)
    if (
        sep
        and following
        and following[0].start == sep.end() + (1 if text[sep.end() : sep.end() + 1] == "$" else 0)
    ):
        n2 = following[0]
        unit2 = _unit_after(text, n2.end, lex)
        noun2 = None if unit2 else _noun_after(text, n2.end, lex, allow_other=True)
        if noun2 and _size_word_of_no_model(text, n2, noun2):
            # "graded on a 0-7 scale", "a 1-5 Likert scale": the range of a rating, a score
            noun2 = (_RATING_SCALE, noun2[1], noun2[2])
        hyphen = sep.group().strip() == "-"  # "21%-42%", "0.99 - 2.37%"
        ok = hyphen or not _is_name(text, n2, lex)
        decimals = (
            not n.integer
            and not n2.integer
            and n.mag == n2.mag == 1.0
            and not _LEADING_ZERO.match(text, n.num_start)  # "01.2016-12.2018" are dates
        )
        score_range = plural_range = signed_range = False
        # "0.1-0.2M parameters": the magnitude written once (not "LLaMA 3.2-3B models")
        magnitude_once = (
            noun2 is not None
            and noun2[0].canonical in ("parameter", "token", "sample", "step")
            and n2.mag > 1.0 == n.mag
            and n.value * n2.mag < n2.value
            and not lex.capitalised_before_re.search(left)
        )
        low_ok = n.value < n2.value or (decimals and n.value == n2.value)  # "CI, 0.93-0.93"
        # "model sizes (1.5B-8B)": two sizes in billions and nothing after them
        sizes = (
            not noun2
            and n.mag == n2.mag == 1e9
            and text[n.end - 1] == text[n2.end - 1] == "B"
            and n.value < n2.value
        ) or (
            # "larger MLLMs (7-11B)", "vision models (850-1350M)": a range of sizes in
            # brackets after a model, its magnitude written once
            not noun2
            and n.mag == 1.0
            and n2.mag in (1e6, 1e9)
            and text[n2.end - 1 : n2.end] in ("B", "M")
            and n.value * n2.mag < n2.value
            and _NAME_PAREN_BEFORE.search(left) is not None
            and _SIZE_PAREN_AFTER.match(text, n2.end) is not None
        )
        # "smaller 3B-4B models", "7-13B LLMs": a range of sizes before what they size
        model_sizes = (
            n2.mag >= 1e6
            and text[n2.end - 1 : n2.end] in ("B", "M")
            and (n.value * n2.mag < n2.value if n.mag == 1.0 else n.value < n2.value)
            and n.mag in (1.0, 1e6, 1e9)
            and _MODEL_HEAD_AFTER.match(text[n2.end :]) is not None
            and not lex.capitalised_before_re.search(left)
        )
        if (
            hyphen
            and unit is None
            and not (
                low_ok
                and (
                    unit2
                    or n.integer
                    or (decimals and not noun2)
                    or magnitude_once
                    or sizes
                    or model_sizes
                )
            )
        ):
            ok = False
        if (
            ok
            and unit is None
            and n.integer
            and n2.integer
            and lex.year_re.match(text[n.num_start : n.end])
            and lex.year_re.match(text[n2.num_start : n2.end])
        ):
            ok = False  # "the 2022-2024 exams", "2019-2020 articles": a span of years
        if ok and unit and unit2 and unit[0].canonical == unit2[0].canonical:
            end = unit2[2]
            rule, pre = unit2[0], unit2[3]
        elif ok and unit is None and unit2:
            end, rule, pre = unit2[2], unit2[0], unit2[3]
        elif ok and unit is None and model_sizes:
            end, rule, pre = n2.end, UnitRule("parameter", "parameter", "model size"), ""
        elif ok and unit is None and noun2 and not noun2[0].other_plural:
            end, rule, pre = noun2[2], noun2[0], ""
        elif (
            ok
            and unit is None
            and noun2
            and n.integer
            and n2.integer
            and n.mag == n2.mag == 1.0
            and 1 <= n.value < n2.value
            and not lex.year_re.match(text[n.num_start : n.end])
            # "7-8 absolute percentage points" are points of a score, not a count
            and not _POINTS_NOUN.search(text, n2.end, noun2[2])
        ):
            # "10-20 rooms", "16-22 clusters": a range of whole numbers counts any plural
            end, rule, pre = noun2[2], noun2[0], ""
            plural_range = True
        elif ok and unit is None and (prefix_usd and text[n2.start - 1 : n2.start] == "$"):
            end, rule, pre = n2.end, UnitRule("USD", "USD"), ""
        elif ok and unit is None and n.mag > 1 and n2.mag > 1 and noun2:
            end, rule, pre = noun2[2], noun2[0], ""
        elif (
            ok
            and unit is None
            and not noun2
            and (bare := _bare_unit(text, n, left, text[n2.end : n2.end + 30], lex))
        ):
            end, rule, pre = n2.end, bare, ""
        elif ok and unit is None and sizes:
            end, rule, pre = n2.end, UnitRule("parameter", "parameter", "model size"), ""
        elif (
            ok
            and unit is None
            and not unit2
            and not noun2
            and n.sign
            and n2.sign == "+"
            and n.mag == n2.mag == 1.0
        ):
            # "gains of +8.7 to +15.1", "a scale from -50 to +50", "CI $-3.1$ to $+4.7$":
            # two signed ends, the second with its "+", are one range of scores
            end, rule, pre = n2.end, UnitRule("score_unit", "score"), ""
            signed_range = True
        elif (
            ok
            and unit is None
            and not unit2
            and not noun2
            and decimals
            and n.value <= n2.value
            and sep.group().strip() in ("-", "–", "--", "~")  # "from 0.39 to 0.60": two
        ):
            # "F1 scores of only 0.14-0.39", "95% CI, 0.942-0.985": a range of scores
            end, rule, pre = n2.end, UnitRule("score_unit", "score"), ""
            score_range = True
        else:
            rule = None  # type: ignore[assignment]
        if rule is not None:
            pint = _pint_surface(rule, pre)
            nn = text[noun2[1] : noun2[2]].strip(" -") if noun2 and not unit2 else None
            low = n.value
            if n.mag == 1.0 and n2.mag > 1.0 and n.value * n2.mag <= n2.value:
                low = n.value * n2.mag  # "7-11B tokens", "40-55k": the magnitude is written once
            q = RawQuantity(
                n.start,
                end,
                low,
                n2.value,
                rule.canonical,
                pint,
                n.num_start,
                n2.end,
                noun=nn,
                sign=n.sign,
                metric=rule.metric,
            )
            if unit and unit2 and (low_pint := _pint_surface(unit[0], unit[3])) != pint:
                q.pint_low = low_pint  # "from 30 seconds to 15 minutes": each end its own unit
                q.rules.append("find.range_own_units")
            if n.sign in ("-", "−") and n2.sign == "+":
                # "-2% to +3%", "AUC changes of -0.26 to +0.71": the range crosses zero, so
                # its low end keeps the sign and no one direction is said
                q.value, q.sign = -q.value, None
                q.rules.append("find.range_across_zero")
            if score_range:
                q.rules.append("find.score_range")
            if signed_range:
                q.rules.append("find.signed_range")
            if plural_range:
                q.rules.append("find.range_counted_plural")
            if model_sizes or (sizes and n.mag == 1.0):
                q.rules.append("find.range_model_sizes")
            if rule is _RATING_SCALE:
                q.setting = True  # the range a rating is given on is a setting
                q.rules.append(rule.id)
            if sep.group() == " - ":
                q.rules.append("find.range_spaced_dash")
            return _found("find.range", q), 1
    if unit and not (year and unit[0].canonical not in ("%", "x", "USD")):
        rule, _, uend, pre = unit
        metric = rule.metric or (text[n.end : uend].strip() if rule.canonical == "score" else None)
        q = RawQuantity(
            n.start,
            uend,
            n.value,
            None,
            rule.canonical,
            _pint_surface(rule, pre),
            n.num_start,
            n.end,
            sign=n.sign,
            metric=metric,
        )
        if (
            rule.canonical == "x"
            and text[uend - 1 : uend] in "xX×"
            and _RES_WORD.match(text[uend:])
        ):
            return None, 0
        if rule.canonical == "%" and (hp := lex.setting_re.search(left)) and hp.group("share"):
            q.kind, q.setting, q.metric = "proportion", True, " ".join(hp.group("share").split())
        elif rule.canonical == "%" and _CONFIDENCE_AFTER.match(text, uend):
            # "(95% CI: 0.90-0.92)": the confidence level of an interval, a setting
            q.kind, q.setting, q.metric = "proportion", True, "confidence level"
            q.rules.append("kind.confidence_level")
        return _found("find.unit_after", _read_unit(q, rule)), 0
    if text[n.end : n.end + 1].isalpha():
        glued = lex.noun_re.match(text, n.end)
        if (
            glued
            and not lex.nouns[int((glued.lastgroup or "n0")[1:])].other_plural
            and not _DOF_TERM.match(text, n.end)
            and not _DIMENSIONS_GLUED.match(text, n.end)  # "3D-LLMs", "2D-VLMs": a format
        ):
            rule = lex.nouns[int((glued.lastgroup or "n0")[1:])]
            return _found(
                "find.glued_noun",
                RawQuantity(
                    n.start,
                    glued.end(),
                    n.value,
                    None,
                    rule.canonical,
                    rule.pint,
                    n.num_start,
                    n.end,
                    noun=glued.group(),
                ),
            ), 0
    if _name_right(text, n, lex) or year:
        return None, 0
    if _WIRELESS_GENERATION.fullmatch(text, n.num_start, n.end) and not (
        n.sign or text[n.end : n.end + 1].isalpha()
    ):
        return None, 0  # "6G systems", "5G networks", "5G/6G": a generation of networks
    if (
        n.integer
        and _GPU_MODEL_NUMBER.fullmatch(text, n.num_start, n.end)
        and _GPU_AFTER.match(text, n.end)
    ):
        return None, 0  # "on a 4060 GPU", "two 4090 GPUs": a card's model number
    if (
        n.integer
        and n.mag == 1.0
        and n.value <= 20
        and (opening := _OPENING_NAME.search(text, max(0, n.start - 30), n.start))
        and opening.group("w").lower() not in _OPENING_WORDS
        and not opening.group("w").endswith(("ing", "ed", "ly"))
        and _VERB_S_AFTER.match(text, n.end)
    ):
        # "Surfer 2 integrates hierarchical context", "SAM 3 doubles the accuracy": a
        # sentence that opens with a name and its number, then the name's verb
        return None, 0
    sized = (
        n.mag > 1 and text[n.end - 1 : n.end] in ("B", "M") and _MODEL_AFTER.match(text[n.end :])
    )
    if (
        _VERSION_LIKE.fullmatch(text, n.num_start, n.end)
        and not n.sign
        and _version_name_before(left, lex, text[n.end : n.end + 8])
        and not _NOT_VERSION_AFTER.match(text, n.end)
        and not _SCORE_BEFORE.search(left)
    ):
        return None, 0  # "Gemini Flash 1.5, CommandR", "Claude Sonnet 3.7)": a version
    if _suspended_version(text, n, left):
        return None, 0  # "ChatGPT models (-3.5, -4, -o4 mini, and -4.5)": a name's suffix
    if not unit and (code := _USD_BEFORE.search(left)):
        # "costing USD 4.9 billion", "under USD 100": the currency's code before the sum
        return _found("find.currency_code", _sum_of_money(n, n.start - len(code.group()))), 0
    if (
        n.integer
        and n.mag == 1.0
        and not n.sign
        and text[n.end : n.end + 1] != "-"  # "Visual Geometry Group 19-layer network"
        and (cw := _NAME_WORD_BEFORE.search(left))
        and cw.group(1).lower() not in _CAPITALISED_LINKS
        and not _SCORE_BEFORE.search(left)
        and not _title_cased(text)  # in a title every word is capitalised
    ):
        return None, 0  # "the Argoverse 2 motion forecasting dataset", "Sonnet 4 showing"
    if (
        lex.capitalised_before_re.search(left)
        and not _SCORE_BEFORE.search(left)
        and not n.sign
        and not sized  # "the MoMa 1.4B model" is a size, "Llama 2" a name
        # "DSC 0.88", "HD95 2.09", "SRCC 0.913": a metric's value (versions have one
        # decimal digit: "Llama 3.1", "Gemini 2.5")
        and not _FINE_DECIMAL.fullmatch(text, n.num_start, n.end)
    ):
        return None, 0
    if (
        n.mag > 1
        and text[n.end - 1 : n.end] in ("B", "M", "T")
        and _SIZE_IN_NAME_BEFORE.search(left)
        and (
            _VERSION_BEFORE_SIZE.search(left)
            or (not sized and not _noun_after(text, n.end, lex, allow_other=False))
        )
    ):
        # "Mistral Small 24B", "Gemma 3 27B": the size in a model's name, and after a
        # name's version even before "model" ("the baseline Llama 3.1 8B Instruct model")
        return None, 0
    if prefix_usd:
        start = n.start - 1 if text[n.start - 1 : n.start] == "$" else n.num_start - 1
        return _found("find.dollar_sign", _sum_of_money(n, start)), 0
    # x7: a factor written before the number
    if (sign := _factor_sign_before(text, n)) is not None:
        return _found(
            "find.factor_before_number",
            RawQuantity(sign, n.end, n.value, None, "x", "factor", n.num_start, n.end),
        ), 0
    # 4K resolution / (4K) after "resolution" / a display's 4K before what it shows
    if n.mag == 1e3 and (
        _RES_WORD.match(text[n.end :])
        or _RES_BEFORE.search(left)
        or (
            _DISPLAY_K.fullmatch(text, n.num_start, n.end)
            and (_DISPLAY_K_AFTER.match(text, n.end) or _DISPLAY_K_BEFORE.search(left))
            and not _AMOUNT_BEFORE.search(left)
        )
    ):
        m = re.match(r"\s?resolution", text[n.end :])
        end = n.end + (m.end() if m else 0)
        return _found(
            "find.resolution_k",
            RawQuantity(
                n.start,
                end,
                n.value,
                None,
                "pixel",
                "pixel_side",
                n.num_start,
                n.end,
                kind="value",
                metric="resolution",
            ),
        ), 0
    hp = lex.setting_re.search(left) if n.mag == 1.0 and not n.sign else None
    if hp:
        name = " ".join(hp.group("share" if hp.group("share") else "score").split())
        share = bool(hp.group("share")) and 0 < n.value <= 1 and not n.integer
        return _found(
            "find.setting",
            _number_as(
                n,
                "%" if share else "score",
                "proportion_fraction" if share else "score_unit",
                kind="proportion" if share else "value",
                metric=name,
                setting=True,
            ),
        ), 0
    sm = _SCORE_BEFORE.search(left) or _SCORE_AFTER.match(text[n.end : n.end + 30])
    if not sm and not n.integer and n.mag == 1.0 and not _unit_later(text, n.end, lex):
        sm = lex.score_noun_re.search(left)  # "a computing efficiency of 3.11"
    if sm:
        return _found(
            "find.score_named",
            _number_as(
                n, "score", "score_unit", sign=n.sign, metric=_score_metric(sm.group("metric"))
            ),
        ), 0
    if n.mag >= 1e6 and _MODEL_HEAD_AFTER.match(text[n.end :]):
        return _found("find.model_size", _model_size(n)), 0
    if restated := _restated_count(text, n, left, lex):
        return _found("find.restated_count", restated), 0
    if _DOF_TERM.match(text, n.end):
        return None, 0  # "5 DoF (Degrees of Freedom) pose estimation": the kind of pose
    if n.integer and n.value in (180.0, 360.0) and _PANORAMIC_AFTER.match(text, n.end):
        # "a consumer-grade 360 video camera", "360 head synthesis": an angle of view
        q = _number_as(n, "degree", "degree", kind="value", metric="field of view", setting=True)
        return _found("find.angle_of_view", q), 0
    noun = _noun_after(text, n.end, lex, allow_other=True)
    if noun is None and text.startswith(" more ", n.end):
        # "add 196 more samples", "25 more challenging tasks": more of the same things
        noun = _noun_after(text, n.end + 5, lex, allow_other=True)
    if noun and _size_word_of_no_model(text, n, noun):
        noun = None  # "graded on a 10 scale": no model's size
    if (
        noun
        and text[n.end - 1 : n.end] == "T"
        and noun[0].canonical in ("count", "sample")
        and not _TOKEN_WORD.search(text, n.end, noun[2])  # "a 1T high-quality token dataset"
    ):
        return None, 0  # "the 3T fastMRI dataset", "0.35T MRI scans": tesla, no count
    if noun and not n.integer and n.mag == 1.0 and n.value < 1 and noun[0].canonical == "count":
        # "0.8835 F1 scores", "(vs 0.847 baseline)", "0.72 sharply degrades": a fraction
        # of one counts nothing; it is a score
        noun = None
    if noun and (tw := _TIME_HEAD.fullmatch(text, n.end, noun[2])):
        # "500 individual hours of 3D motion data", "10448 audio hours", "450 expert
        # hours": an amount of data or of work in time, a size of the study
        q = RawQuantity(
            n.start,
            noun[2],
            n.value,
            None,
            "second",
            tw.group(1).lower(),
            n.num_start,
            n.end,
            noun=text[n.end : noun[2]].strip(),
            setting=True,
        )
        return _found("find.hours_of", q), 0
    if noun:
        rule, _, nend = noun
        # a list of modifiers names the noun by its last part ("open- and closed-source
        # MLLMs" -> "closed-source MLLMs")
        nn = _LIST_JOIN.split(text[n.end : nend].strip(" -"))[-1]
        nn = _ADVERB_PARTICIPLE.sub("", nn)  # "widely used few-shot benchmarks"
        nn = _QUOTED.sub("", nn).strip()  # '"in the wild" image-text pairs'
        if (
            rule.canonical == "parameter"
            and n.mag == 1.0
            and nn.lower().split()[-1] in ("scale", "sized", "size")
        ):
            return _hyphen_noun(text, n, lex)  # "19-item scale" counts items, not a size
        head = nn.lower().rsplit(maxsplit=1)[-1] if nn else ""
        glued = _HYPHEN_NOUN_BEFORE_HEAD.match(text, n.end)
        if rule.canonical == "count" and head in _DATASET_HEADS:
            if n.mag == 1.0 and 1 < n.value < 1000 and _NAMING_WORD_BEFORE.search(left):
                return None, 0  # "the NTU RGB+D 60 dataset", "Aria Gen 2 Pilot Dataset": names
            if (
                head != "benchmark"
                and n.value >= 1000
                and not glued
                and text[n.num_start : n.end] not in ("2K", "4K", "8K", "16K")  # resolutions
            ):
                # "a 30K Irish-English parallel instruction tuning dataset", "a 2M
                # high-quality dataset": how big a dataset is, in its samples
                rule = UnitRule("sample", "sample", "dataset size", id="noun.sample.dataset_size")
            elif glued and glued.group("noun") in ("item", "entry"):
                # "a 12,000-item Q&A benchmark": the items a dataset holds are its samples
                rule = UnitRule("sample", "sample", id="noun.sample.dataset_items")
        if (
            glued
            and rule.canonical == "sample"
            and rule.id != "noun.sample.dataset_items"
            and n.integer
            and n.mag == 1.0  # ("32K-length sequences", "4K-resolution images")
            and glued.group("noun") not in _NOT_HYPHEN_NOUNS
            and not lex.noun_re.match(text, n.end)
        ):
            # "12-turn conversations": the number counts its own word, not the head
            rule = UnitRule("count", "count", id="noun.count.hyphened")
        if rule.canonical == "token" and n.mag == 1.0 and n.value < 100 and _CONTEXTS.search(nn):
            # "19 cultural contexts", "grade 3-12 contexts": settings, not a context window
            rule = UnitRule("count", "count", id="noun.count.contexts")
        more = _plus_means_more(text, n, nend)
        # "a dataset of less than 10.000 images": a point before three zeros groups the
        # thousands of a count (no count is stated to a thousandth)
        grouped = rule.canonical in ("count", "sample") and _POINT_THOUSANDS.fullmatch(
            text, n.num_start, n.end
        )
        q = _found(
            "find.counted_noun",
            RawQuantity(
                n.start,
                nend,
                n.value * 1000 if grouped else n.value,
                None,
                rule.canonical,
                rule.pint,
                n.num_start,
                n.end,
                noun=nn,
                sign=None if more else n.sign,
                metric=rule.metric,
                rules=[rule.id],
            ),
        )
        if more:
            q.rules.append("find.plus_more_than")
        if grouped:
            q.rules.append("number.point_thousands")
        return q, 0
    if (hyphened := _hyphen_noun(text, n, lex))[0] is not None:
        return hyphened
    part = _PART_OF.match(text, n.end)
    if part:
        # "6 of these problems", "4 out of 5 tasks": a count of the noun that follows
        after = part.end()
        if det := _DETERMINER_AFTER.match(text, after):
            after = det.end()  # "on 10 out of our 11 tasks": the whole, after its owner
        num2 = NUMBER_RE.match(text, after + 1) if text[after : after + 1] == " " else None
        noun = _noun_after(text, num2.end() if num2 else after, lex, allow_other=True)
        if noun and not num2:
            rule, _, nend = noun
            return _found(
                "find.part_of_noun",
                RawQuantity(
                    n.start,
                    nend,
                    n.value,
                    None,
                    rule.canonical,
                    rule.pint,
                    n.num_start,
                    n.end,
                    noun=text[noun[1] : nend].strip(" -"),
                ),
            ), 0
        q = RawQuantity(n.start, part.end(), n.value, None, "", "", n.num_start, n.end)
        q.tally = num2 is not None and n.value <= parse_number(num2, lex)[0]
        if noun:
            rule = noun[0]
            q.unit, q.pint, q.noun = rule.canonical, rule.pint, text[noun[1] : noun[2]].strip(" -")
        return _found("find.part_of", q), 0
    if (
        (fb := _FACTOR_BEFORE.search(left))
        # "a real-time factor of 0.0078" is a measured value
        and (n.value >= 1 or "factor" not in fb.group().lower())
        and n.mag == 1.0  # "a multi-adds reduction of 12.81G" counts operations
        and not re.match(r"\s?:\s?\d", text[n.end : n.end + 3])  # an 8:1:1 split
    ):
        return _found(
            "find.factor_of",
            _number_as(n, "x", "factor"),
        ), 0
    if n.integer and not n.sign and _SAMPLE_SIZE_BEFORE.search(left):
        return _found(
            "find.sample_size",
            _number_as(n, "sample", "sample", metric="sample size", kind="value"),
        ), 0
    if _BATCH_BEFORE.search(left):
        return _found(
            "find.batch_size",
            _number_as(n, "sample", "sample", metric="batch size"),
        ), 0
    if _CONTEXT_BEFORE.search(left):
        return _found(
            "find.context_window",
            _number_as(n, "token", "token", metric="context window"),
        ), 0
    if n.sign == "+" and not _SIGNED_PEER_UNIT.match(text, n.end):
        return _found(
            "find.signed_score",
            _number_as(n, "score", "score_unit", sign=n.sign),
        ), 0
    if n.mag >= 1e9 and _TRAINED_FOR.search(left):
        # "fine-tuning a pretrained 8B model with RPT for only 100B": billions a model is
        # trained for are its training tokens, whatever size word came before; how long
        # it was trained is a setting of the experiment
        q = _number_as(n, "token", "token", setting=True)
        return _found("find.training_budget", q), 0
    if text[n.end - 1 : n.end] == "T" and _T_HYPHEN_WORD.match(text, n.end):
        return None, 0  # "7T-quality T1-maps", "(7T-Restormer)": a field strength, a name
    if n.mag > 1 and (bare := _bare_unit(text, n, left, text[n.end : n.end + 30], lex)):
        return _found(
            "find.bare_hint",
            _number_as(n, bare.canonical, bare.pint, metric=bare.metric),
        ), 0
    # 7B, 1.5 billion, and "7B+" (a size "or more")
    if n.mag >= 1e9 and text[n.num_start : n.end].rstrip("+")[-1:] in ("B", "n"):
        return _found("find.model_size_billions", _model_size(n)), 0
    if (
        n.mag == 1e6
        and text[n.end - 1 : n.end] == "M"
        and _SIZE_PAREN_AFTER.match(text, n.end)
        and _NAME_PAREN_BEFORE.search(left)
    ):
        return _found("find.model_size_after_name", _model_size(n)), 0  # "U-net (24.5M)"
    ex = _EXAMPLE_OF.search(left)
    nm = ex and lex.noun_re.fullmatch(ex.group("noun"))
    if nm and not (rule := lex.nouns[int((nm.lastgroup or "n0")[1:])]).other_plural:
        # "a fixed number of visual tokens (e.g., 576)": an instance of the noun just named
        return _found(
            "find.example_of",
            _number_as(n, rule.canonical, rule.pint, noun=ex.group("noun"), metric=rule.metric),
        ), 0
    # a bare number: kept without a unit so a coordinated neighbour can lend one
    return _found(
        "find.bare_number",
        _number_as(n, "", "", sign=n.sign),
    ), 0


# "+8.42 and +3.28 points in mIoU": a signed number whose coordinated peer names the
# unit is bare, so the peer lends it (not a unitless score of its own)
_SIGNED_PEER_UNIT = re.compile(
    # (a metric's name may stand before the points: "+6.1 and +12.4 d-BLEU points")
    r",?\s(?:and|or)\s\+?\d[\d.,]*\s?(?:percentage\s|[A-Za-z][\w@-]*\s)?"
    r"(?:points?|pp|pts?|%|\\%)(?!\w)"
)
# 2D/3D glued to a name ("3D-LLMs", "3DMMs") is a format; a glued DoF ("3DOF") is not
_DIMENSIONS_GLUED = re.compile(r"D(?![a-z]|(?i:of)\b)")
_POINT_THOUSANDS = re.compile(r"[1-9]\d{0,2}\.000")
# what joins the items of a list: ", ", ", and ", " or "
_LIST_SEP = r"\s?,\s?(?:and\s|or\s)?|\s(?:and|or)\s"
_LIST_TAIL = re.compile(rf"(?:\s?(?:\+-|±|\+/-)\s?\d[\d.]*|(?:{_LIST_SEP})\d[\d.,]*)+")
_PARALLEL_GAP = re.compile(r"[^.;:]{0,40}?\sand\s[^.;:,]{0,40}?\sfrom\s")
_AND_GAP = re.compile(r",?\s(?:and|or)\s(?:by\s)?$")
_OPENING_NAME = re.compile(r"(?:^|[.!?]\s)(?P<w>[A-Z][\w-]*)\s$")
_OPENING_WORDS = frozenset(
    "of over across among on in with all for after about by from under only just nearly "
    "approximately roughly around some these those the our their its each both another every "
    "first then here there overall finally additionally moreover furthermore further also at "
    "within to between beyond up almost less more fewer than using when while where with "
    "without since during per top table figure section appendix we they it this that".split()
)
_VERB_S_AFTER = re.compile(r"\s[a-z]{3,}s\s(?:the|a|an|its|their|our|to|[a-z]{4,})\b")
# a number like a year that counts: after an amount's hedge, before a plural ("more than
# 2000 living languages", "nearly 2000 clips", "with only 2000 pairs"; not "the 2022 floods")
_COUNT_NOT_YEAR = re.compile(
    r"(?i)\b(?:more than|over|nearly|about|approximately|around|only|just|roughly|"
    r"at least|up to|almost)\s$"
)
_YEAR_AS_COUNT_AFTER = re.compile(r"\s(?:[A-Za-z][a-z-]*\s){0,2}[a-z][a-z-]*[a-rt-z]s\b(?!-)")
_SCALE_WORD = re.compile(r"[- ]?(?:scale|sized?)")
# at most two words between ("audio hours", "person-hours", "individual hours"), none of a
# clause ("76 LLMs within seconds") nor of an accelerator ("4,100 GPU training hours")
_TIME_HEAD = re.compile(
    r"[\s-](?:(?!(?:within|in|of|for|per|and|or|GPUs?|TPUs?)\b)[A-Za-z][\w]*[\s-]){0,2}"
    r"(hour|minute|second|day|week|month|year)s",
    re.I,
)
_RATING_SCALE = UnitRule("score_unit", "score", "rating scale", id="noun.rating_scale")


def _size_word_of_no_model(text: str, n: _Num, noun: tuple[UnitRule, int, int]) -> bool:
    """Whether "scale" or "size" follows a number with no magnitude ("a 0-7 scale"): a parameter
    count needs one ("a 1.4B scale")."""
    return (
        noun[0].canonical == "parameter"
        and n.mag == 1.0
        and _SCALE_WORD.fullmatch(text, noun[1], noun[2]) is not None
    )


_GPU_MODEL_NUMBER = re.compile(r"[1-5]0[5-9]0")
_GPU_AFTER = re.compile(r"\s?(?:Ti\s|Super\s)?GPUs?\b")
_CONTEXTS = re.compile(r"\bcontexts?$")
_CONFIDENCE_AFTER = re.compile(r"\s?(?:CIs?\b|[Cc]onfidence (?:intervals?|levels?|bounds?))")
_LIST_GAP = re.compile(_LIST_SEP)
_COMPARED_TO = re.compile(
    # "82 on Danish reports, compared to 86 with ...": a place of the first may come between
    r"(?:\s(?:on|in|for|at)\s[^,;.\d]{1,40}?,?)?"
    r"\s(?:instead of|rather than|than|compared (?:to|with)|versus|vs\.?|as opposed to)\s"
    r"(?:(?:the|a|an)\s)?(?:[A-Za-z][\w.-]*(?:'s)?\s){0,3}$"
)
# "from 50 steps to just 4": the after of a before/after written with its unit once
_TO_AFTER_UNIT = re.compile(
    r"\s(?:to|down to|up to)\s"
    r"(?:just\s|only\s|about\s|around\s|roughly\s|nearly\s|merely\s|over\s|under\s|below\s)?$"
)
_FROM_BEFORE_UNIT = re.compile(r"\bfrom\s(?:about\s|around\s|roughly\s|nearly\s|over\s)?\$?$")
_PREV_COORD = re.compile(
    r"^(?:\s(?:scores?\s)?(?:on|in|for)\s[^,;.]{1,40}?)?,?\s(?:and|or|vs\.?|versus|compared to|"
    r"compared with|while|whereas)\s(?:only\s|just\s)?$|^,\s?$"
)


# "a 15-game suite", "a 128,000-vocabulary tokenizer", "5-point Likert scale": a number
# joined by a hyphen to a singular noun counts that noun; not a word that makes an
# adjective of anything ("3-based") or a format ("3-dimensional")
_HYPHEN_NOUN_BEFORE_HEAD = re.compile(r"-(?P<noun>[a-z]{3,})\s")
# a dataset named by its head noun, singular: a number before it sizes it ("a 2M dataset")
_DATASET_HEADS = frozenset({"dataset", "corpus", "collection", "benchmark"})
_NAMING_WORD_BEFORE = re.compile(r"(?:\b[A-Z]\S*|\s-)\s$")  # "RGB+D 60", "Gen 2"
_HYPHEN_NOUN = re.compile(r"-(?P<noun>[a-z]{3,})\b(?!-)(?=[\s,;:.)])")
_NOT_HYPHEN_NOUNS = frozenset(
    "based like style aware free specific wise related driven shaped sized scale long only "
    "dimensional dim fold way gram shot times time th st nd rd step steps year old order "
    "ahead off out up down level dependent independent agnostic conditioned guided "
    "weighted tuned trained layer degree wide type sided alpha beta gamma delta epsilon "
    "lambda sigma theta".split()
)


# between two versions of one name: a list's comma or "and", after the first version's
# own suffix words ("Gemini (1.5 flash, 2.0 flash and 2.0 flash exp)", "GPT (4o, 3.5
# Turbo", "Stable Diffusion (1.5, XL, 3.5 Large)", "Stable Diffusion 1.5 and 3.5")
_VERSION_LIST_GAP = re.compile(
    r"[A-Za-z]*(?:(?:,\s?|\s)[A-Za-z][\w-]*){0,2}(?:,\s?(?:and\s|or\s)?|,?\s(?:and|or)\s)"
)
_SHORT_VERSION = re.compile(r"\d(?:\.\d)?")  # "Llama 3", "Gemini 1.5": a version's shape


def _next_version(text: str, n: _Num, name_start: int, name_end: int, lex: Lexicon) -> bool:
    """``n`` is the next item of a list of versions that a name's version began (rule
    ``version.list``; it makes no mention, so it is counted by comparing runs)."""
    return bool(
        name_end > 0
        # a version stands apart from its name ("Llama 3", "(4o"), not "F1", "Recall@5"
        and text[name_start - 1 : name_start] in (" ", "~", "(")
        and _SHORT_VERSION.fullmatch(text, name_start, name_end)
        and _VERSION_LIKE.fullmatch(text, n.num_start, n.end)
        and not n.sign
        and _VERSION_LIST_GAP.fullmatch(text, name_end, n.start)
        and not _NOT_VERSION_AFTER.match(text, n.end)
        and not _RANGE_AFTER.match(text, n.end)
        and _unit_after(text, n.end, lex) is None
        and not _noun_after(text, n.end, lex, allow_other=False)
    )


# a list item opening with a hyphen glued to it: "(-3.5", ", -4", "and -4.5"
_SUFFIX_ITEM_BEFORE = re.compile(r"(?:\(|,\s?|\s(?:and|or)\s)$")
# another item of the list that is plainly a name's suffix: a hyphen glued to letters
# ("-o4 mini"), or the name written out before the list's "and" ("ChatGPT-o4 mini and")
_SUFFIX_SIBLING = re.compile(r"(?:^|[(,]\s?|\s(?:and|or)\s)-[A-Za-z]")
_SUFFIX_NAME_BEFORE = re.compile(
    r"\b[A-Z][\w]*-[a-z\d][\w.]*(?:\s[a-z]+)?(?:,\s?(?:and\s|or\s)?|,?\s(?:and|or)\s)$"
)


def _suspended_version(text: str, n: _Num, left: str) -> bool:
    """``n`` is a version written as a suspended suffix of a name said once ("four
    ChatGPT models (-3.5, -4, -o4 mini, and -4.5)"), not a negative number: its hyphen
    opens a list item, it has a version's shape, and another item of the list is a
    suffix too (rule ``version.suspended_suffix``; it makes no mention)."""
    if not (
        n.sign == "-"
        and n.start + 1 == n.num_start
        and n.mag == 1.0
        and (_VERSION_LIKE.fullmatch(text, n.num_start, n.end) or n.end - n.num_start == 1)
        and _SUFFIX_ITEM_BEFORE.search(left)
    ):
        return False
    if _SUFFIX_NAME_BEFORE.search(left):
        return True
    # the items of the list around it: from the parenthesis it is in to its end
    opened = left.rfind("(")
    if opened < 0 or ")" in left[opened:]:
        return False
    close = text.find(")", n.end)
    items = left[opened:] + text[n.start : close if close > 0 else len(text)]
    return bool(_SUFFIX_SIBLING.search(items))


def _plus_means_more(text: str, n: _Num, noun_end: int) -> bool:
    """A "+" on a round count that stands alone in parentheses after what it sizes
    ("the full ICD-10 coding system (+70K labels)") says "more than", as a trailing one
    does ("70K+ labels"), not a change: there is no other amount it is added to."""
    return (
        n.sign == "+"
        and text[n.start - 1 : n.start] == "("
        and n.mag > 1.0
        and n.integer
        and text[noun_end : noun_end + 1] == ")"
    )


def _version_name_before(left: str, lex: Lexicon, right: str) -> bool:
    """``left`` ends with the name of a product a version number would follow
    (``right`` is the text after the number)."""
    m = _CAPITALISED_WORD_BEFORE.search(left)
    if not m or m.group("word").lower() in _CAPITALISED_LINKS:
        return False  # "Over 2.5 ...", "Using 1.5 ...": a phrase opens, no name
    if not m.group("open"):
        return True
    if not _VERSION_IN_PARENS_AFTER.match(right):
        return False
    # "Gemini (1.5 flash": the parenthesis must follow a model's name, not a metric's
    before = left[: m.start("word")].split()[-1:]
    return bool(
        _MIXED_CASE.fullmatch(m.group("word"))
        or lex.model_family_re.match(m.group("word"))
        or (before and lex.model_family_re.match(f"{before[0]} {m.group('word')}"))
    )


def _hyphen_noun(text: str, n: _Num, lex: Lexicon) -> tuple[RawQuantity | None, int]:
    m = _HYPHEN_NOUN.match(text, n.end)
    if not (m and n.integer and n.mag == 1.0) or m.group("noun") in _NOT_HYPHEN_NOUNS:
        return None, 0
    noun = m.group("noun")
    if noun in lex.stop_words or noun in lex.not_nouns:
        return None, 0
    q = _number_as(n, "count", "count", noun=noun)
    q.end = m.end()
    return _found("find.hyphen_noun", q), 0


_PRONOUN_OPENING = re.compile(r"(?:It|This|These|Each|The (?:resulting|final) \w+)\b")


# a training verb, then "for" right before a bare number (in the same clause)
_TRAINED_FOR = re.compile(
    r"(?i)\b(?:(?:pre-?|post-?|re-?)?train\w*|fine-?tun\w*|tun(?:e|ed|ing)|distill\w*)\b"
    r"[^.;:,()]{0,60}?\bfor\s(?:only\s|just\s|about\s|around\s|over\s|~\s?)?$"
)
# "5,677 (5K+) videos": a count restated in round figures in parentheses before the noun
_ROUNDED_AFTER = re.compile(
    r"\s?\((?:~|about\s|over\s|approx\.\s)?(?P<num>\d[\d.,]*[kKMB]?)\+?\)(?=[ -])"
)
_EXACT_BEFORE = re.compile(r"(?<![\w.,])(?P<num>\d[\d,]*)\s?\($")


def _restated_count(text: str, n: _Num, left: str, lex: Lexicon) -> RawQuantity | None:
    """Either number of a count restated in parentheses ("5,677 (5K+) videos",
    "109,796 (100K+) question-answer pairs"), each counting the noun after the parentheses;
    its span is the number alone, as the noun stands next to neither. The two must be
    about the same amount: "Qwen 3 (8B) models" is a name and a size."""
    if rounded := _ROUNDED_AFTER.match(text, n.end):
        other, noun_at = rounded.group("num"), rounded.end()  # the exact figure
    elif text[n.end : n.end + 1] == ")" and (exact := _EXACT_BEFORE.search(left)):
        other, noun_at = exact.group("num"), n.end + 1  # the rounded one, in parentheses
    else:
        return None
    num = NUMBER_RE.fullmatch(other)
    if not num or not 0.5 <= parse_number(num, lex)[0] / max(n.value, 1e-9) <= 2:
        return None
    noun = _noun_after(text, noun_at, lex, allow_other=True)
    if not noun or noun[0].canonical == "parameter":
        return None
    rule = noun[0]
    noun_words = text[noun[1] : noun[2]].strip(" -")
    return _number_as(n, rule.canonical, rule.pint, noun=noun_words, rules=[rule.id])


_OCCURRENCES_BEFORE = re.compile(r"\bout of\s$")


# what links a dataset's items to other things counted after them ("1.95M images covering
# 110 artists", "50,000 clips from 300 films")
_ITEMS_OF_OTHERS = re.compile(
    r",?\s\(?(?:covering|spanning|from|across|over|of|by|in)\s(?:[\w-]+\s){0,2}?(?:\$|~\s?)?"
)


def _dataset_samples(text: str, qs: list[RawQuantity], lex: Lexicon, previous: str) -> None:
    """A plural noun the lexicon does not know, counted (a hundred or more) right after
    what a dataset holds ("a corpus of 4,200 essays", "the benchmark contains 1,870
    charts"; "It comprises 28,179 sets" after a sentence naming the dataset): the
    dataset's samples. The other way, cases counted "out of" others, or after "out of",
    are how often something held ("in 6 out of 7 cases"), a count."""
    for q in qs:
        if (
            q.unit == "sample"
            and q.noun
            and q.noun.lower().endswith("cases")
            and (
                (q.tally and "find.part_of" in q.rules)
                or _OCCURRENCES_BEFORE.search(text, max(0, q.start - 8), q.start)
            )
        ):
            q.unit, q.pint = "count", "count"
            q.rules.append("noun.count.occurrences")
            continue
        if q.unit != "count" or q.rules[:1] != ["noun.count.other_plural"] or not q.noun:
            continue
        if q.value < 100:
            continue  # a handful counts kinds or parts: "12 main distortions", "5 answer choices"
        words = q.noun.lower().split()
        if words[-1] in lex.not_dataset_items or _KINDS.intersection(words):
            continue  # "240 distinct diagnoses", "101 different signs" count kinds
        left = text[max(0, q.start - 160) : q.start]
        if not lex.dataset_items_re.search(left):
            continue
        if any(
            o.unit == "sample"
            and q.start - 160 <= o.start
            and o.end <= q.start
            and _ITEMS_OF_OTHERS.fullmatch(text, o.end, q.start)
            for o in qs
        ):
            continue  # "contains 1.95M images covering 110 artists": the images are its items
        if lex.dataset_word_re.search(left) or (
            _PRONOUN_OPENING.match(text) and lex.dataset_word_re.search(previous)
        ):
            q.unit, q.pint = "sample", "sample"
            q.rules.append("noun.sample.dataset_items")


def _sum_of_money(n: _Num, start: int) -> RawQuantity:
    """The number ``n`` as dollars, its span from ``start`` (the sign or the code)."""
    return RawQuantity(start, n.end, n.value, None, "USD", "USD", n.num_start, n.end)


def _model_size(n: _Num) -> RawQuantity:
    """A bare size with a model noun or a billions suffix counts parameters."""
    return RawQuantity(
        n.start, n.end, n.value, None, "parameter", "parameter", n.num_start, n.end,
        metric="model size",
    )  # fmt: skip


def _score_metric(name: str) -> str:
    """``an average score`` -> ``score``; ``CLIP-I score`` stays."""
    words = [w for w in name.split() if w.lower() not in ("a", "an", "the", "average", "overall")]
    return " ".join(words) or "score"


def _bare_unit(text: str, n: _Num, left: str, right: str, lex: Lexicon) -> UnitRule | None:
    """The unit of a number written without one, from a score name next to it or, for
    magnitude-suffixed numbers, a hint word just before it in the clause."""
    sm = _SCORE_BEFORE.search(left) or _SCORE_AFTER.match(right)
    if sm:
        return UnitRule("score_unit", "score", _score_metric(sm.group("metric")))
    if n.mag == 1.0:
        return None
    for pat, unit in lex.bare_hints_after:
        if pat.match(right):
            if unit == "token" and n.mag < 1e9 and _DATA_AFTER.match(right):
                # "200K preference data", "with only 10k SFT data": thousands or millions
                # of data are its samples; billions of it ("5B long-context data") tokens
                unit = "sample"
            return UnitRule(unit, unit)
    clause = re.split(r"[.;:,]\s|\bwhile\b|\band\b", left)[-1][-50:]
    best: tuple[int, str] | None = None
    for pat, unit in lex.bare_hints:
        for m in pat.finditer(clause):
            if best is None or m.end() > best[0]:
                best = (m.end(), unit)
    if best is None:
        return None
    unit = best[1]
    return UnitRule(unit, unit, "model size" if unit == "parameter" else None)


def _parallel_ranges(text: str, qs: list[RawQuantity]) -> None:
    """``cuts A from 2.8M to 0.7M images and B from 15M to 2.5M``: a unit-less
    ``from X to Y`` of magnitudes coordinated with an earlier one that has a unit counts
    the same things.

    The pair is merged into the first number (the second keeps no unit, so it is dropped).
    """
    for i in range(len(qs) - 1):
        q, q2 = qs[i], qs[i + 1]
        if q.unit or q2.unit or q.value_high is not None or text[q.end : q2.start] != " to ":
            continue
        if not text[: q.start].endswith("from "):
            continue
        ranges = [p for p in qs[:i] if p.unit and p.value_high is not None]
        if not ranges or not text[: ranges[-1].start].endswith("from "):
            continue
        p = ranges[-1]
        # only counts with a magnitude (15M, 2.5B): a plain "from 4 to 2" may be anything
        suffixed = all(text[a.num_end - 1] in "kKMBT" for a in (p, q))
        if suffixed and _PARALLEL_GAP.fullmatch(text, p.end, q.start):
            q.value_high, q.end, q.num_end = q2.value, q2.end, q2.num_end
            q.unit, q.pint, q.metric, q.noun = p.unit, p.pint, p.metric, p.noun
            q2.start = q2.end = q2.num_start = q2.num_end = q.end


# "30,000 simulated and 4,118 real images", "60 positive and 90 negative pairs": each
# number has its own adjective, the noun is written once
_ADJ_COORD = re.compile(
    # one or two modifiers: "294,924 labeled 2D and 93,012 labeled 3D boxes"
    r"(?:\s(?!(?:of|in|on|at|to|for|by|with|from|than|and|or)\b(?!-))"
    r"(?:[a-z][\w-]*|[A-Z]{2,}[\w-]*|\d[A-Z][\w-]*)){1,2},?\s(?:and|or)\s"
)
_COUNTED = frozenset({"count", "sample", "token", "step", "parameter"})


# what moves "from" one number "to" another, named just before: "decoding steps from 256
# to 30", "increasing layers from 3 to 12", "the FID score decreases from 175 to 152"
_MOVES_FROM = re.compile(
    r"\b(?P<noun>[A-Za-z][\w-]*)(?:\s(?:scores?|values?))?(?:\s(?:increas|decreas|reduc|grow|"
    r"drop|ris|fall|go|improv|rais|climb|jump|shrink|declin)\w*)?\sfrom\s\$?$"
)
# (wider than the lexicon's years, 1950-2049, which mark a number that is a date: a span
# "from 1900 to 1950" reaches back further)
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
# the other number, with no unit of its own ("from 3 to 10 cm per pixel" says its own)
_TO_NUMBER_AFTER = re.compile(
    r"\$?\s(?:to|→)\s(?:over\s|about\s|nearly\s|just\s|only\s)?\$?\d[\d,.]*[kKMB]?\$?"
    r"(?=[,.;:)](?:\s|$)|$|\s(?:on|in|for|and|with|while|when|under|across|at|after|compared|relative|"
    r"using|by|which|\())"
)


def _unit_before_from(text: str, q: RawQuantity, lex: Lexicon) -> None:
    """Give a unit-less whole number of a "from N to M" the unit of what it says moves:
    a counted noun (steps, layers, languages) or a metric's name (a score)."""
    m = _MOVES_FROM.search(text, max(0, q.start - 60), q.start)
    if not m or q.value == 0 or _YEAR.fullmatch(text, q.num_start, q.num_end):
        return  # "numbers from 0 to 99" span a scale; "texts from 1900 to 1950" are years
    noun = m.group("noun")
    if noun[0].islower() and (rule := _noun_named(noun, lex)):
        q.unit, q.pint, q.noun = rule.canonical, rule.pint, noun
    elif (
        (unit := _unit_after(noun, 0, lex))
        and unit[2] == len(noun)
        and (unit[0].id == "unit.metric_name")
    ):
        q.unit, q.pint, q.metric = "score", "score_unit", noun
    else:
        return
    q.rules.append("find.unit_before_from")


def _noun_named(word: str, lex: Lexicon) -> UnitRule | None:
    """The counted-noun rule that reads ``word`` whole, or None (a plural-looking verb
    such as "achieves" is none)."""
    found = _noun_match(" " + word, 0, lex, allow_other=True, k=0)
    return found[0] if found and found[2] == len(word) + 1 else None


_MAGNITUDE_END = re.compile(r"\d\s?(thousand|million|billion|trillion|[KMBT])$")
_BARE_NUMBER = re.compile(r"\d{1,3}(?:\.\d+)?")
_LIST_COORD = re.compile(r",?\s(?:and|or)\s")
_LIST_COMMA = re.compile(r",\s")


def _magnitude_of(number: str, lex: Lexicon) -> float | None:
    """The magnitude a number is written with ("2 trillion" 1e12, "13B" 1e9), if any: the
    lexicon's factor for the word or letter that ends it."""
    m = _MAGNITUDE_END.search(number)
    return lex.magnitudes.get(m.group(1)) if m else None


def _share_units(text: str, qs: list[RawQuantity], lex: Lexicon) -> None:
    """Give unit-less numbers the unit of a coordinated neighbour: the next one
    (675 vs. 6,250 GPU days), or a previous score (FID of 2.51 and 3.25)."""
    for q in qs:
        integer = "." not in text[q.num_start : q.num_end]  # "(0.837 vs. 0.815)" is a score
        if not q.unit and integer and (m := _NOUN_PAREN_BEFORE.search(text, 0, q.start)):
            rule = _noun_named(m.group("noun"), lex)
            if rule and _VS_AFTER.match(text, q.end):
                # "training epochs (44 vs 660)": a comparison of the things just named
                q.unit, q.pint, q.noun = rule.canonical, rule.pint, m.group("noun")
                q.rules.append("find.noun_before_comparison")
        if not q.unit and integer and _TO_NUMBER_AFTER.match(text, q.end):
            _unit_before_from(text, q, lex)
    last_score: RawQuantity | None = None
    for q in qs:
        if (
            not q.unit
            and last_score is not None
            and text[last_score.end : q.start] == "/"
            and (pair := _METRIC_PAIR_AFTER.match(text, last_score.end))
        ):
            # "55/13 WER/CER": the second value, of the second metric named
            q.unit, q.pint, q.metric = "score", "score_unit", pair.group("second")
            q.rules.append("find.metric_pair")
        if q.unit == "score":
            last_score = q
        elif not q.unit and last_score is not None and "." in text[q.num_start : q.num_end]:
            gap = text[last_score.end : q.start]
            if (len(gap) < 80 and _PREV_COORD.search(gap[-60:])) or _PREV_COORD.match(gap):
                q.unit, q.pint, q.metric = "score", "score_unit", last_score.metric
    counted: RawQuantity | None = None
    for q in qs:
        if q.unit in ("count", "sample", "step", "token"):
            counted = q
        elif not q.unit and counted is not None and _PART_OF.match(text, q.num_end):
            # "(3 of which ...)": a part of the things counted just before
            q.unit, q.pint, q.noun = counted.unit, counted.pint, counted.noun
        elif not q.unit and counted is not None and text[counted.end : q.start] == " out of ":
            # "11 intent classes out of 14": the whole set, counted in the same things
            q.unit, q.pint, q.noun = counted.unit, counted.pint, counted.noun
            q.rules.append("find.out_of_whole")
    for i in range(1, len(qs)):
        q, prev = qs[i], qs[i - 1]
        if (
            not q.unit
            and prev.unit in ("%", "pp")
            and "." in text[q.num_start : q.num_end]
            and _AND_GAP.match(text, prev.end, q.start)
            and lex.change_before_re.search(text, max(0, prev.start - 50), prev.start)
        ):
            # "an increase of 5.6% and 2.2": a second change, left without a unit, is in
            # the points of another metric's score
            q.unit, q.pint, q.kind = "score", "score_unit", "change"
            continue
        if (
            not q.unit
            and prev.unit == "x"
            and {"find.factor_of", "find.factor_list"} & set(prev.rules)
            and _LIST_GAP.fullmatch(text, prev.end, q.start)
        ):
            # "acceleration factors of 2.57, 2.41, and 2.06": the factors of one list
            q.unit, q.pint, q.metric = "x", "factor", prev.metric
            q.rules.append("find.factor_list")
            continue
        if q.unit or not prev.unit or prev.unit in ("%", "x", "pp", "pixel"):
            continue
        if _COMPARED_TO.match(text, prev.end, q.start) and not lex.year_re.match(
            text[q.num_start : q.num_end]
        ):
            # "256 tokens instead of the baseline's fixed 576": the same measure, compared
            q.unit, q.pint, q.metric, q.noun = prev.unit, prev.pint, prev.metric, prev.noun
            q.borrowed_from = prev
        elif _TO_AFTER_UNIT.fullmatch(text, prev.end, q.start) and _FROM_BEFORE_UNIT.search(
            text, max(0, prev.start - 20), prev.start
        ):
            # "reducing inference from 50 steps to just 4": the same unit, after
            q.unit, q.pint, q.metric, q.noun = prev.unit, prev.pint, prev.metric, prev.noun
            q.rules.append("find.from_unit_to")
    magnitude: dict[int, float] = {}  # the magnitude a number took from the list's last
    for i in range(len(qs) - 2, -1, -1):
        q, nxt = qs[i], qs[i + 1]
        if q.unit or not nxt.unit or nxt.unit == "pixel":
            continue
        if nxt.unit in ("%", "pp", "x") and text[q.num_end - 1 : q.num_end].isalpha():
            continue  # "(4.6G, 43.2% lower)": a magnitude is no share of anything
        if nxt.unit == "%" and _CONFIDENCE_AFTER.match(text, nxt.end):
            continue  # "(OR = 4.85, 95% CI [3.06, 7.70])": a confidence level measures nothing
        gap = text[q.end : nxt.start]
        if nxt.unit == "USD" and gap.endswith("$"):
            gap = gap[:-1]
        if (
            (
                _COORD.match(gap)
                or (
                    _ADJ_COORD.fullmatch(gap)
                    and nxt.unit in _COUNTED
                    # a count is whole or has a magnitude: "0.86 mean CCC and 0.13 mean ..." no
                    and not _PLAIN_DECIMAL.fullmatch(text, q.num_start, q.num_end)
                )
            )
            and not lex.year_re.match(text[q.num_start : q.num_end])
        ):
            q.unit, q.pint, q.metric = nxt.unit, nxt.pint, nxt.metric
            if nxt.pint in ("1 / second",) or nxt.unit in ("score",):
                q.pint = nxt.pint
            if nxt.noun:
                q.noun = nxt.noun
            carried = magnitude.get(id(nxt))
            mag = carried or _magnitude_of(text[nxt.num_start : nxt.num_end], lex)
            if (
                mag
                and nxt.unit in _COUNTED
                # "32, 64 and 128K": a comma only inside a list that ends in "and"/"or"
                and (_LIST_COORD.fullmatch(gap) or (carried and _LIST_COMMA.fullmatch(gap)))
                and _BARE_NUMBER.fullmatch(text, q.num_start, q.num_end)
                and q.value * mag < nxt.value
            ):
                # "trained on 1 and 2 trillion tokens", "7 and 13B models": the magnitude
                # is written once, on the last of the list
                q.value *= mag
                magnitude[id(q)] = mag
                q.rules.append("find.shared_magnitude")


# A whole number left without a unit right after a counted total is a part of it, its noun
# written once: "34,000 samples, including 28,000 for fine-tuning and 6,000 for
# evaluation", "32,000 images (7,050 filtered for quality)", "170 teams, with 41 reaching
# the final round", "(Train: 74258; Test: 13951)"
_ABOUT = r"(?:(?:over|more than|about|approximately|nearly|around|roughly|only|just|almost)\s)?"
_PART_AFTER_TOTAL = re.compile(
    r"\s?\((?:[A-Z][\w-]*:\s?)?|(?:\s[a-z][\w-]*){1,5}\s\([A-Z][\w-]*:\s?"
    r"|(?:\s[a-z][\w-]*){0,3},?\s(?:including|with|of which|among which|among them|where)\s"
    + _ABOUT
)
_NEXT_PART = re.compile(
    r"(?:\s[^.;,()\d$]{1,30}?)?(?:,\s?(?:and\s)?|;\s?|\sand\s)(?:[A-Z][\w-]*:\s?)?" + _ABOUT
)
# what may follow a part: the end of the phrase, a preposition, a participle or a verb
_AFTER_PART = re.compile(
    r"(?:[,;)]|\s(?:for|in|on|at|from|with|without|are|were|is|was|have|had|as|to|and|or)\b"
    r"|\s[a-z]+(?:ing|ed)\b|$"
    # the kind of a part, its noun elided: "133 annotated lesions (89 benign, 44 malignant)"
    r"|\s[a-z][\w-]*(?=\s?[,;)]))"
)


def _parts_of_total(text: str, qs: list[RawQuantity], lex: Lexicon) -> None:
    total: RawQuantity | None = None
    last: RawQuantity | None = None  # the last part of that total
    for q in qs:
        if q.unit in _COUNTED and q.unit != "parameter" and q.value_high is None:
            total, last = q, None
            continue
        if q.unit or total is None or q.value_high is not None:
            total = None if q.unit else total
            continue
        whole = "." not in text[q.num_start : q.num_end] and not q.sign
        if not (whole and q.value <= total.value) or lex.year_re.match(
            text[q.num_start : q.num_end]
        ):
            continue
        if not (
            (last is None and _PART_AFTER_TOTAL.fullmatch(text, total.end, q.start))
            or (last is not None and _NEXT_PART.fullmatch(text, last.end, q.start))
        ) or not _AFTER_PART.match(text, q.end):
            continue
        q.unit, q.pint, q.metric, q.noun = total.unit, total.pint, total.metric, total.noun
        q.rules.append("find.part_of_total")
        last = q


def _word_pint(unit: str, phrase: str, time: bool) -> str:
    if time:
        return phrase.split()[-1].lower()  # "a second" -> pint "second"
    return {"x": "factor", "pp": "percentage_point", "count": "count"}.get(
        unit, "proportion_percent"
    )


# a short unit-like token after a number: "ha", "km/h", "m^2", "Pa", "kPa"
_UNKNOWN_UNIT = re.compile(r"\s?(?P<u>[a-zµ][A-Za-z]{0,2})(?:/[A-Za-z]+|\^|²|\b(?![-\w]))")
_SHORT_WORDS = frozenset(
    "a an and as at by for in is it of on or per the to vs was are be but via so if all "
    "its our few low top max min avg day".split()
)
# no magnitude: "1.6 million people" is a count; a number in scientific notation is
# a measured value too ("a perplexity of 3.4e^2", "a BER below 10^-3")
_PLAIN_DECIMAL = re.compile(
    r"\d[\d,]*\.\d+|(?:\d[\d,]*(?:\.\d+)?(?:[eE]\^?|\s?[×x]\s?10\^)|10\^)[-+−]?\d+"
)


_FROM_BEFORE = re.compile(r"\bfrom\s(?:about\s|around\s|roughly\s|nearly\s)?\$?$")
_CHANGE_VERB = re.compile(
    r"\b(?:improv|increas|rais|boost|reduc|decreas|drop|cut|lower|jump|ris|fall|fell|declin|"
    r"shrink|grow|compress|accelerat|enhanc|lift|bring|brought|push|went|goes|going|chang|"
    r"mov|elevat|narrow|cutting|halv|doubl)\w*\b(?![^.;]*\b(?:rang|vary|varies|span)\w*\s)"
)
_TO_BETWEEN = re.compile(r"\s?(?:to|→)\s(?:about\s|around\s|roughly\s|nearly\s|only\s)?|\s?→\s?")


def before_and_after(text: str, q: RawQuantity) -> list[RawQuantity]:
    """``from 42.1% to 55.3%``, ``37.3 → 23.8``: a before and an after are two
    claims, not a range, so that each can carry its own subject (the baseline's, the
    method's); a true range (``3.1-12.4%``, ``between 8 and 16 GPUs``) stays one."""
    if q.value_high is None or q.unit == "pixel":
        return [q]
    arrow = "→" in text[q.num_start : q.end]
    if not arrow and not (
        _FROM_BEFORE.search(text, max(0, q.start - 30), q.start)
        and _CHANGE_VERB.search(text, max(0, q.start - 80), q.start)
    ):
        return [q]  # "sizes ranging from 1B to 8B" is a range
    sep = _TO_BETWEEN.search(text, q.num_start + 1, q.end)
    if sep is None or not NUMBER_RE.match(text, sep.end()):
        return [q]
    before = replace(q, end=sep.start(), value_high=None, num_end=sep.start())
    after = replace(
        q, start=sep.end(), num_start=sep.end(), value=q.value_high, value_high=None, pint_low=None
    )
    before.rules = [*q.rules, "find.before_after"]
    after.rules = [*q.rules, "find.before_after"]
    before.before_after, after.before_after = "before", "after"
    before.sign = after.sign = None
    return [before, after]


def _bare_decimals_are_scores(text: str, qs: list[RawQuantity]) -> None:
    """A decimal that no unit, noun or neighbour claimed is a metric value (``dropped
    to 0.663``, ``an R2 of 0.9830``, ``(0.83 AUROC)``): abstracts write scores bare,
    while counts are integers and names were filtered before. Its metric is the
    word(s) right after it, when they read as a metric name, else the phrase before
    a link word."""
    for q in qs:
        written = text[q.num_start : q.num_end]
        if q.unit or q.value_high is not None or not _PLAIN_DECIMAL.fullmatch(written):
            continue
        if _LEADING_ZERO.match(written):
            continue  # "01.2016": a date
        unknown = _UNKNOWN_UNIT.match(text, q.end)
        if unknown and unknown.group("u").lower() not in _SHORT_WORDS:
            continue  # "0.32 ha", "0.58 km/h": a unit the spec has none for
        q.unit, q.pint = "score", "score_unit"
        q.rules.append("score.bare_decimal")
        if q.metric is None:
            q.metric = _bare_metric(text, q)


_METRIC_AFTER = re.compile(r"\s(?P<m>(?:[A-Z][\w@-]*|recall|precision|accuracy|AUC|AUROC|F1)\b)")
_METRIC_LINK = re.compile(
    r"\s?(?:\([A-Z][\w@-]*\)\s)?(?:of|=|:|is|was|at|reached|reaches|achieves?|achieved)\s?"
    r"(?:about\s|around\s|nearly\s|only\s|over\s|under\s|below\s|above\s)?$"
)
_ACRONYM_BEFORE = re.compile(r"(?<![\w-])([A-Z][A-Za-z]*[A-Z0-9][\w@-]*)\s$")
_METRIC_WORDS = re.compile(r"[A-Za-z][\w@.-]*")
_NOT_METRIC_WORD = re.compile(
    r"(?i)(?:a|an|the|and|or|with|of|its|their|our|this|that|which|while|achiev\w*|obtain\w*|"
    r"reach\w*|attain\w*|scor\w*|report\w*|show\w*|yield\w*|\w+ed)$"
)


def _bare_metric(text: str, q: RawQuantity) -> str | None:
    """The metric named right after a bare score (``0.79 recall``), else the last words
    before a link word (``an R2 of``, ``Rmean of``)."""
    after = _METRIC_AFTER.match(text, q.end)
    if after:
        return after.group("m")
    window = text[max(0, q.start - 60) : q.start]
    link = _METRIC_LINK.search(window)
    if not link:
        named = _ACRONYM_BEFORE.search(window)  # "DSC 0.88", "HD95 2.09"
        return named.group(1) if named else None
    words = _METRIC_WORDS.findall(window[: link.start()])[-3:]
    while words and _NOT_METRIC_WORD.match(words[0]):
        words.pop(0)
    return " ".join(words) or None


# every word_quantity pattern of rules.toml holds one of these words (a cheap gate;
# tests/extractors check it against the rules)
_WORD_QUANTITY_HINT = CaselessGate(
    r"(?=[tdhmfqswpg])(?:twice|thrice|times|doubl|tripl|halv|half|magnitude|fold|third|quarter|"
    r"fifth|second|minute|hour|day|week|percent|per cent|points|gpu|tpu)"
)


# "our contributions are twofold:", "a two-fold strategy", "threefold effectiveness": the
# word says how many parts follow, not a factor; a factor moves something
_COPULA_BEFORE = re.compile(r"\b(?:is|are|was|were|be)\s(?:[a-z]+ly\s)?$")
_LIST_AFTER = re.compile(r"\s?(?:[.:;,(—]|--|$)|\s(?:and|but)\s")
_DETERMINER_BEFORE = re.compile(r"(?i)(?:\b(?:a|an|the|our|its|their|this)|'s)\s(?:[a-z]+\s)?$")
_CHANGE_AFTER = re.compile(
    r"\s(?:[a-z-]+\s)?(?:increases?|improvements?|gains?|speed-?ups?|reductions?|decreases?|"
    r"drops?|boosts?|accelerations?|enhancements?|rises?|growth|faster|slower|more|less|fewer|"
    r"higher|lower|larger|smaller|greater|better|cheaper)\b"
)


_CROSS_VALIDATION_AFTER = re.compile(r"(?:[- ][a-z]+){0,2}[- ]cross", re.I)
_NO_NOUN = r"(?!(?:and|or|in|on|at|to|for|by|with|from|than|over|while|which|compared)\b)"
_PLURAL_AFTER = re.compile(r"\s" + _NO_NOUN + r"(?:[a-z-]+\s" + _NO_NOUN + r")?[a-z]{3,}s\b")


def _fold_is_a_list(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 24) : m.start()]
    if _COPULA_BEFORE.search(before) and _LIST_AFTER.match(text, m.end()):
        return True
    if _CROSS_VALIDATION_AFTER.match(text, m.end()):
        return True  # "five-fold cross-validation" counts folds (a setup, in words)
    if _PLURAL_AFTER.match(text, m.end()) and not _CHANGE_AFTER.match(text, m.end()):
        return True  # "three-fold future directions", "twofold goals"
    return bool(_DETERMINER_BEFORE.search(before) and not _CHANGE_AFTER.match(text, m.end()))


def _power_of_ten(word: str, lex: Lexicon) -> float:
    """``three`` / ``3`` (orders of magnitude) -> 1000."""
    w = word.lower()
    return 10.0 ** lex.number_words.get(w, float(w) if w.isdigit() else 1.0)


_NOT_A_WORD_COUNT = re.compile(r"(?i)\w+[- ]shot\b|One\s[a-z]+s\b")
# a counted phrase of words, no clause: "five distinct failure modes", not "one step and
# gradually learns generalizable features"
_PLAIN_NOUN_PHRASE = re.compile(r"(?:[- ][A-Za-z][\w-]*){1,4}")


# a title leaves only its short linking words in lower case ("Twice As Fast With Less Data")
_LOWER_WORD = re.compile(r"\b[a-z]{4,}\b")
_TITLE_SMALL_WORDS = frozenset("with from into over onto upon than that when using".split())
# a capitalised word between two capitalised words, away from a sentence's start
_CAPITAL_WORD_BEFORE = re.compile(r"(?<![.!?:]\s)\b[A-Z][\w-]*\s$")
_CAPITAL_WORD_AFTER = re.compile(r"\s[A-Z][\w-]*")


def _in_capitalised_name(text: str, start: int, end: int) -> bool:
    """A number word inside a name written in capitals ("a new Cross Coding Twice Module")
    of a sentence that is no title (a title capitalises all but its short words)."""
    return (
        text[start : start + 1].isupper()
        and start > 0
        and _CAPITAL_WORD_BEFORE.search(text, max(0, start - 40), start) is not None
        and _CAPITAL_WORD_AFTER.match(text, end) is not None
        and any(w not in _TITLE_SMALL_WORDS for w in _LOWER_WORD.findall(text))
    )


def _word_quantities(
    text: str,
    found: list[RawQuantity],
    lex: Lexicon,
    *,
    word_counts: bool,
    masked: list[tuple[int, int]],
) -> list[RawQuantity]:
    """Factors and shares written in words (twice, halves, one-third, three orders of
    magnitude) and, if asked, counts written in words (three stages)."""
    out: list[RawQuantity] = []

    def free(a: int, b: int) -> bool:
        return all(b <= q.start or a >= q.end for q in found + out) and not _in(masked, a)

    # (none of the words any word quantity is made of: only counts can be left)
    hinted = _WORD_QUANTITY_HINT.found(text)
    lowered = text.lower() if text.isascii() else None
    for wq in lex.word_quantities if hinted else ():
        if lowered is not None and wq.literals and not holds_any(lowered, wq.literals):
            continue  # it cannot match here: spare its scan of every position
        for m in wq.pattern.finditer(text):
            if not free(*m.span()):
                continue
            if wq.id == "word.n_fold" and _fold_is_a_list(text, m):
                continue
            if _in_capitalised_name(text, m.start(), m.end()):
                continue  # "a new Cross Coding Twice Module (CCTM)"
            value = wq.value
            if wq.scale:
                value = lex.number_words.get(m.group("n").lower(), 1.0)
            high = None
            if wq.power:
                value = _power_of_ten(m.group("n"), lex)
                if m.re.groupindex.get("lo") and m.group("lo"):
                    value, high = _power_of_ten(m.group("lo"), lex), value
            out.append(
                RawQuantity(
                    m.start(),
                    m.end(),
                    value,
                    high,
                    wq.unit,
                    _word_pint(wq.unit, m.group(), wq.time),
                    m.start(),
                    m.end(),
                    kind=wq.kind,
                    direction=wq.direction,
                    is_word=True,
                    rules=[wq.id],
                )
            )
    if not word_counts and " of th" not in text and not _FINDING_HINT.found(text):
        return out  # (no tally in words can be here: spare the scan of every number word)
    for m in lex.number_word_re.finditer(text):
        # Without word counts asked for, only the tallies a result states: how many of
        # a set a method won ("results on two of these datasets", "in four of the five
        # tasks"). A count in words is a setting otherwise, and a setting in words is
        # no required mention ("one of the most popular domains" is no tally).
        part = _WORD_PART_OF.match(text, m.end())
        if part and not _ON_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            part = None
        by_finder = (
            not part
            and lex.found_before_re.search(text, max(0, m.start() - 40), m.start()) is not None
        )
        if not (word_counts or part or by_finder) or not free(*m.span()):
            continue
        value = lex.number_words.get(m.group().lower())
        if not value or _NOT_A_WORD_COUNT.match(text, m.start()):
            continue  # "zero-shot" is a setting; "One leverages" a pronoun
        noun = _noun_after(text, part.end() if part else m.end(), lex, allow_other=True)
        if noun is None:
            continue
        rule, _, nend = noun
        if rule.canonical == "parameter":
            continue
        if rule.id == "noun.count.other_plural" and not _PLAIN_NOUN_PHRASE.fullmatch(
            text, m.end(), nend
        ):
            continue
        finding = by_finder and _names_a_finding(text[m.end() : nend], lex)
        if by_finder and not (word_counts or finding):
            continue  # "we identify three datasets": a setting, in words no required mention
        out.append(
            RawQuantity(
                m.start(),
                nend,
                value,
                None,
                rule.canonical,
                rule.pint,
                m.start(),
                m.end(),
                noun=text[m.end() : nend].strip(" -"),
                is_word=True,
                tally=part is not None,
                finding=finding,
                rules=["word.count_part_of"]
                if part
                else ["find.count_of_findings"]
                if finding
                else [],
            )
        )
    return out


# a verb of finding somewhere in a text: only then can a count in words be of findings
_FINDING_HINT = CaselessGate(
    r"(?=[irupdfoh])(?:identif|reveal|uncover|pinpoint|discover|find|found|observ|distill|"
    r"highlight)"
)


def counts_findings(text: str, start: int, noun: str, lex: Lexicon) -> bool:
    """The number at ``start``, counting ``noun``, counts what the study found: "we
    identify five distinct failure modes", "our findings reveal three key insights"
    (a result), not "we identify three datasets" (a setting)."""
    return _names_a_finding(noun, lex) and (
        lex.found_before_re.search(text, max(0, start - 40), start) is not None
    )


def _names_a_finding(noun: str, lex: Lexicon) -> bool:
    """``noun`` is headed by something a study finds ("key insights", "failure modes")."""
    words = noun.strip(" -").rsplit(maxsplit=1)
    return bool(words) and words[-1].lower() in lex.found_nouns


# "state-of-the-art results on two of these datasets": how many of a set it won
_ON_BEFORE = re.compile(r"(?i)\b(?:on|in|across)\s$")
_WORD_PART_OF = re.compile(
    r"(?i)\sof\s(?:these|those|the\s(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty))(?=\s)"
)
