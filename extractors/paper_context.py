"""What a whole abstract says about names: the paper's own method, and the benchmarks
it evaluates on.

The paper's own method is named in the title (``NeSyGeo: A Neuro-Symbolic ...``), as
what "we propose" (``we introduce PRISM``, ``a framework called X``), or as an acronym
in parentheses (``... Superposition Model (PRISM)``); "our method" and "we" take that
name (:func:`method_name`). A paper whose named contribution is a benchmark ("we
introduce AGQA, a new benchmark") has none: its numbers are the evaluated models'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cached_property

from extractors.lexicon import Lexicon
from extractors.names import (
    DEFINED_ACRONYM,
    NAME,
    NAME_BEFORE_VERB,
    NAME_RE,
    NAME_TOKEN,
    clean_name,
    is_model_name,
    long_form,
)

_TITLE_NAME = re.compile(r"^\s*(?P<name>[^:]{2,60}?)\s*:\s\S")

_VERB_PROPOSE = (
    r"\b(?:propose|introduce|present|develop|design|build|release|construct|contribute)(?:s|d)?\s"
)

_PROPOSE = re.compile(
    _VERB_PROPOSE + r"(?:(?:a|an|the)\s)?(?:(?:novel|new|simple|unified|general|lightweight)\s)*"
    r"(?:(?:method|framework|approach|model|system|technique|algorithm|pipeline)\s"
    r"(?:utilizing|using|based on|built on|called|named|dubbed)\s)?"
    r"(?P<name>" + NAME + r")(?![\w-])"
    r"(?!\s(?:[a-z]+\s)?(?:dataset|benchmark|corpus|suite|test set|challenge|task)s?\b)"
    # a plain word is a name when an appositive follows: "we introduce Chelsea, a framework"
    r"|" + _VERB_PROPOSE + r"(?P<plain>[A-Z][a-z][\w-]*(?:\s[A-Z][\w-]*){0,3}),\s(?:a|an|the)\s"
)

# "we introduce Low-Rank Clone (LRC), ...": the words the acronym abbreviates
_LONG_NAME = re.compile(
    _VERB_PROPOSE
    # "propose a human-inspired solution: the Intra-group ... Framework (ICAF)"
    + r"(?:(?:a|an)\s(?:[a-z][\w-]*\s){0,3}?(?:solution|method|approach|framework|model|"
    r"system|technique|algorithm|pipeline|architecture|strategy|module|network|paradigm|"
    r"mechanism|scheme)[:,]\s)?"
    + r"(?:(?:a|an|the)\s)?(?P<name>(?:[A-Z][\w-]*\s){1,4})\((?P<acronym>"
    + NAME_TOKEN
    + r")\)"
)

_DATA_NOUN = r"(?:dataset|benchmark|corpus|suite|test set|challenge|database|collection)s?"

_CALLED = re.compile(
    # the word first, so that the look-behinds are tried only where it stands
    r"(?=\b(?:called|named|dubbed|termed|coined|namely)\s)"
    + "".join(f"(?<!{w} )(?<!{w}, )" for w in _DATA_NOUN[3:-3].split("|"))
    + r"\b(?:called|named|dubbed|termed|coined|namely)\s"
    r"(?P<name>" + NAME + r")(?![\w-])"
)

# "a large public dataset called DeepLesion": a benchmark, named as the method would be
_DATA_CALLED = re.compile(
    r"\b" + _DATA_NOUN + r",?\s(?:called|named|dubbed|termed|coined)\s(?P<name>" + NAME + r")"
    r"(?![\w-])"
)

_PAREN_ACRONYM = re.compile(
    r"\b(?:propose|introduce|present|develop|design|adopt|employ)(?:s|d|ed|ing)?\s"
    r"[^.;,]{0,100}?\((?P<name>" + NAME_TOKEN + r")\)"
)

# what "we propose" when the method has no name: "a systematic image registration approach",
# "we have designed a simple, low-cost feet tracker"; or what the abstract calls "the
# proposed" thing ("the proposed hybrid approach")
_METHOD_HEAD = (
    r"(?:method|model|framework|approach|system|technique|algorithm|pipeline|architecture|"
    r"tool|attack|tracker|network|strategy|agent|scheme|paradigm|mechanism|module|procedure|"
    r"protocol|recipe|loss|objective|estimator|detector|classifier|policy|planner|solver|"
    r"workflow|design)s?"
)
# no word of a described method: function words, verbs, and what says only "ours"
_NOT_IN_DESCRIPTION = (
    r"(?:to|for|that|which|with|in|on|of|and|by|using|based|where|from|is|are|was|were|can|"
    r"has|have|provides?|offers?|an?|the|proposed|presented|resulting)"
)
_NP_BEFORE_HEAD = (
    r"(?P<np>(?:(?!" + _NOT_IN_DESCRIPTION + r"\b)[A-Za-z][\w-]*\s){0,3}?" + _METHOD_HEAD + r")\b"
)
_ADJECTIVE = (
    r"(?:novel|new|simple|unified|general|lightweight|robust|systematic|principled|scalable|"
    r"efficient|effective)"
)
_PROPOSED_NP = re.compile(
    r"\b(?:propose|present|introduce|develop|design|build|investigate|evaluate|study)s?\s"
    r"(?:(?:a|an|the|two|three)\s)(?:" + _ADJECTIVE + r"\s)*" + _NP_BEFORE_HEAD
)
# the same said in the past ("we have designed a simple, low-cost feet tracker"), or
# "the proposed hybrid approach": weaker, read after the names the abstract says score
_PROPOSED_BEFORE = re.compile(
    r"\b(?:proposed|presented|introduced|developed|designed|built)\s(?:a|an)\s"
    r"(?:(?:"
    + _ADJECTIVE[3:-1]
    + r"|low-cost|inexpensive|practical)(?:,|\sand|\syet)?\s)*"
    + _NP_BEFORE_HEAD
)
_THE_PROPOSED = re.compile(r"\b[Tt]he\sproposed\s" + _NP_BEFORE_HEAD)

# a name right before a data noun ("MathVista benchmark", "`HaloQuest' dataset", "the
# Natural Instructions dataset") or right after one ("datasets such as COCO"): looked for
# at each data noun, since a name pattern tried at every character of an abstract costs
# more than all the number rules
_DATA_NOUN_WORD = re.compile(
    r"\b(?:benchmarks?|datasets?|test sets?|suites?|corpus|leaderboards?|challenges?|cohorts?)\b"
)
_NAME_BEFORE_NOUN = re.compile(r"(?P<name>" + NAME + r")['’”]?\s$")
_WORDS_BEFORE_NOUN = re.compile(
    r"(?<![\w-])(?:(?:The|On|In|Across|For|Our|This|These|Its|Their)\s)?"
    r"(?P<name>[A-Z][\w-]*(?:\s[A-Z][\w-]*){1,3})['’”]?\s$"
)
_NAME_AFTER_NOUN = re.compile(
    r"\s(?:such as\s|like\s|including\s)?(?P<name>" + NAME + r")(?![\w-])"
)


def names_by_data_nouns(text: str) -> list[tuple[int, str]]:
    """Where a name stands by a data noun in ``text``, and the name, in order."""
    found = []
    for noun in _DATA_NOUN_WORD.finditer(text):
        lo = max(0, noun.start() - 80)
        near = _NAME_BEFORE_NOUN.search(text, lo, noun.start()) or _WORDS_BEFORE_NOUN.search(
            text, lo, noun.start()
        )
        if near is None and noun.group().startswith(("benchmark", "dataset")):
            near = _NAME_AFTER_NOUN.match(text, noun.end())
        if near:
            found.append((near.start("name"), near.group("name")))
    return found


# a name that goes on in capitalised words: "the LM Evaluation Harness", "LM Harness tasks"
# (mid-sentence capitals after a name are more of it)
TITLED_NAME = (
    NAME
    + r"(?:\s(?!(?:And|Or|The|In|On|For|With|We|Our|This|These)\b)[A-Z][a-z]+(?![\w-])"
    # and the number of a part: "HART Level 2", "NSC Part 2", "NYU Depth V2"
    + r"(?:\s(?:\d{1,2}|V\d|[IVX]{1,4})(?![\w.-]))?)*"
)

_EVALUATED_ON = re.compile(
    r"\b(?:evaluat\w*|experiments?|tested|tests|results?|achiev\w*|outperform\w*|accuracy|"
    r"scores?|performance|improv\w*|surpass\w*|state-of-the-art|SOTA|FID|gains?)\b"
    r"(?:[^.;]|\.(?=\d)){0,100}?"
    r"\b(?:on|across|over)\s(?:the\s)?(?:[a-z][\w-]*\s){0,2}?(?P<name>"
    + TITLED_NAME
    + r")(?![\w-])"
    # a sentence that opens "On ImageNet, ..."
    r"|(?:^|(?<=[.:]\s))(?:On|Across)\s(?:the\s)?(?P<name2>" + TITLED_NAME + r")(?![\w-])"
)

_EVAL_ON = re.compile(
    r"\b(?:on|across|over)\s(?:the\s)?(?:[a-z][\w-]*\s){0,2}?(?P<name>"
    + TITLED_NAME
    + r")(?![\w-])"
)

_DATA_KIND = r"(?:benchmark|dataset|corpus|suite|testbed|test set)s?\b"

_NOT_IN_APPOSITIVE = r"(?!(?:that|which|for|on|to|with|in|of|and)\b)"

# "Galaxy-Bench, a benchmark of 500 scenes", "MAVERIX (...), a novel benchmark"
_APPOSITIVE = (
    r"(?:[\s~]\([^)]{0,80}\))?,\s(?:a|an|the)\s(?:" + _NOT_IN_APPOSITIVE + r"[\w-]+\s){0,3}"
)

# "Galaxy-Bench, a benchmark of ...", read back from each data noun (as names_by_data_nouns)
_APPOSED_BEFORE = re.compile(r"(?P<name>" + NAME + r")" + _APPOSITIVE + r"$")
_DATA_KIND_WORD = re.compile(r"\b" + _DATA_KIND)


def _apposed_names(text: str) -> list[str]:
    """Names set beside a data noun ("Galaxy-Bench, a benchmark of ..."), in order."""
    found = []
    for noun in _DATA_KIND_WORD.finditer(text):
        m = _APPOSED_BEFORE.search(text, max(0, noun.start() - 200), noun.start())
        if m:
            found.append(m.group("name"))
    return found


# what follows a benchmark's name ("AGQA, a new benchmark", "X dataset") and what comes
# before one ("we introduce a misalignment propensity benchmark, X", "a dataset called X"),
# matched at the name's occurrences: static patterns, since the name varies by paper
# (also as the acronym of a longer name: "Action Genome Question Answering (AGQA), a new
# benchmark")
_DATA_AFTER_NAME = re.compile(r"['’”]?\)?(?:" + _APPOSITIVE + r"|\s)" + _DATA_KIND)
# a title that says what its name is: "AGQA: A Benchmark for ...", "X: A Dataset of ..."
_BENCHMARK_TITLE = re.compile(
    r"^\s*(?P<name>[^:]{2,60}?)\s*:\s(?:(?:A|An|The)\s)?(?:[\w-]+\s){0,3}?"
    r"(?:Benchmark|Dataset|Corpus|Suite|Testbed|Test Set)s?\b",
    re.I,
)
_DATA_BEFORE_NAME = re.compile(
    r"(?:\b(?:introduc|present|propos|releas|construct|buil|creat|curat|collect|develop|"
    r"design)\w*\s(?:a|an|the|new|novel)\s(?:[\w-]+\s){0,3}" + _DATA_KIND + r",\s"
    r"|" + _DATA_KIND + r"\s(?:called|named|dubbed|termed)\s)['‘“`]?$"
)


def _names_a_benchmark(name: str, abstract: str) -> bool:
    """Whether the abstract calls ``name`` a benchmark or dataset ("AGQA, a new benchmark
    for ...", "the MAVERIX benchmark", "we introduce a benchmark, X", "a dataset called
    X"; not "On the test set, X reaches ...")."""
    start = abstract.find(name)
    while start >= 0:
        end = start + len(name)
        whole = (start == 0 or not _wordlike(abstract[start - 1])) and (
            end == len(abstract) or not _wordlike(abstract[end])
        )
        if whole and (
            _DATA_AFTER_NAME.match(abstract, end)
            or _DATA_BEFORE_NAME.search(abstract, max(0, start - 120), start)
        ):
            return True
        start = abstract.find(name, end)
    return False


# what a benchmark paper builds to measure with ("a two-stage evaluation protocol"), which
# scores nothing itself
_MEASURING = re.compile(r"eval|annotat|bench|measur|judge", re.I)


# a described method that says only that it is one ("a simple yet effective approach")
_GENERIC_DESCRIPTION = re.compile(
    r"^[a-z][\w-]*(?:\s[a-z][\w-]*)*\s(?:method|approach|framework|technique|system|"
    r"pipeline|strategy|scheme|paradigm|procedure)$"
)


def _other_than(name: str, benchmark: str) -> bool:
    """A name that is not the benchmark's, nor one of its spellings (``LingBench`` of
    ``LingBench++``, ``MultimodalStudio (MMS)`` of ``MultimodalStudio``)."""
    a, b = _ALNUM.sub("", name.split()[0].lower()), _ALNUM.sub("", benchmark.split()[0].lower())
    return bool(a) and not (a.startswith(b) or b.startswith(a))


_ALNUM = re.compile(r"[^a-z0-9]+")


def _wordlike(c: str) -> bool:
    return c.isalnum() or c in "_-"


# the means at a title's end: "... via Iterative Preference Learning", "... through
# Weight-Space Regularization" (capitalised words only, the end of the title)
_TITLE_VIA = re.compile(
    r"\b(?:via|through)\s(?P<means>[A-Z][\w-]*(?:\s(?:[A-Z][\w-]*|of|and|for|with|in)){0,4}"
    # ending in a noun of doing ("Learning", "Adaptation", "Merging"), not a thing
    # ("via Camera", "through Moral Questionnaires")
    r"\s[A-Z][\w-]*(?:ing|tion|ment|ance|ence|sion))\s*$"
)

_PHRASE_TITLE = re.compile(
    r"(?:From|On|Beyond|Towards?|When|Why|How|What|Is|Are|Do|Does|Can|Should|A|An|The|"
    r"Through|Into|Under|Over|Against|Between|After|Before)\b|\w+ing\b"
)


def method_name(title: str, abstract: str, lex: Lexicon) -> str | None:
    """The name the paper gives its own method, or None when it gives none.

    A title's ``Name:`` wins when it is a name (``NeSyGeo:``, ``Turbo-GS:``); a title
    that opens with a phrase (``From Points to Clouds: ...``) yields to the name the
    abstract proposes (``P2C``), and is used only when the abstract names none."""
    return next(_method_names(title, abstract, lex), None)


def _method_names(title: str, abstract: str, lex: Lexicon) -> Iterator[str]:
    """The names the paper may give its method, best first: the title's, then what the
    abstract proposes, then the name most often said to score, then a description in
    weaker words ("we have designed a ... tracker", "the proposed hybrid approach"),
    then the means the title ends with ("... via Iterative Preference Learning")."""
    t = _TITLE_NAME.match(title or "")
    prefix = clean_name(t.group("name")) if t else None
    if prefix and (len(prefix.split()) > 5 or lex.not_benchmark_re.fullmatch(prefix)):
        prefix = None
    if prefix and NAME_RE.fullmatch(prefix):
        yield prefix
    if prefix and len(prefix.split()) <= 3 and prefix.lower() in (abstract or "").lower():
        # "Adaptive Guidance: ..." whose abstract proposes "Adaptive Guidance" (AG): a
        # name of ordinary words, which the abstract uses as one
        yield prefix
    yield from proposed_names(abstract or "", lex)
    counts: dict[str, int] = {}
    for m in NAME_BEFORE_VERB.finditer(abstract or ""):
        name = clean_name(m.group("name"))
        if not is_model_name(name, lex) and not lex.not_benchmark_re.fullmatch(name):
            counts[name] = counts.get(name, 0) + 1
    if counts:
        yield max(counts, key=lambda k: counts[k])
    if prefix and len(prefix.split()) <= 2 and not _PHRASE_TITLE.match(prefix):
        # "Masked Thought: ..." names a method; "From Dormant to Deleted: ...",
        # "Protecting Your Video Content: ..." are phrases, and name none
        yield prefix
    for pattern in (_PROPOSED_BEFORE, _THE_PROPOSED, _PROPOSED_NP):
        # the later of these: "we propose a novel framework that ... We develop a
        # counterfactual generation algorithm"
        if described := _described(pattern, abstract or "", first=False):
            yield described
    if via := _TITLE_VIA.search(title or ""):
        # "Monte Carlo Tree Search Boosts Reasoning via Iterative Preference Learning":
        # the means the title names, when the abstract names none
        yield via.group("means")


def proposed_names(text: str, lex: Lexicon, *, later: bool = False) -> Iterator[str]:
    """What the abstract says it proposes, named (``we introduce PRISM``, ``a framework
    called X``, ``... Model (PRISM)``) or, failing a name, described (``a systematic image
    registration approach``), best first; with ``later``, then what it proposes after
    the first proposal of each kind, for an abstract whose first proposal is a
    benchmark."""
    long = _LONG_NAME.search(text)
    if long:  # both spellings, since either may be the one used later
        yield f"{clean_name(long.group('name'))} ({long.group('acronym')})"
    firsts = [(p, p.search(text)) for p in (_PROPOSE, _CALLED, _PAREN_ACRONYM)]
    for pattern, m in firsts:
        if m and (name := _proposal(pattern, m, lex)):
            yield name
    if described := _described(_PROPOSED_NP, text):
        yield described
    if not later:
        return
    for pattern, first in firsts:
        for m in pattern.finditer(text, first.end() if first else len(text)):
            if name := _proposal(pattern, m, lex):
                yield name


def _described(pattern: re.Pattern[str], text: str, *, first: bool = True) -> str | None:
    """The method ``pattern`` describes in ``text`` first (or, not ``first``, first in
    more words than its kind: "a framework" names nothing)."""
    for m in pattern.finditer(text):
        if len(m.group("np").split()) > 1:
            return " ".join(m.group("np").split())
        if first:
            return None
    return None


def _proposal(pattern: re.Pattern[str], m: re.Match[str], lex: Lexicon) -> str | None:
    """The name a proposal match gives, unless it is a generic word, or a known model's
    name that the abstract merely says it builds ("we present Llama-based ...")."""
    found = clean_name(m.groupdict().get("plain") or m.group("name") or "")
    if not found or lex.not_benchmark_re.fullmatch(found):
        return None
    return found if not is_model_name(found, lex) or pattern is not _PROPOSE else None


# the readers of an abstract's benchmark names, each from text to the names, in order
def _noun_names(text: str) -> list[str]:
    return [name for _, name in names_by_data_nouns(text)]


def _called_names(text: str) -> list[str]:
    return [m.group("name") for m in _DATA_CALLED.finditer(text)]


def _on_names(text: str) -> list[str]:
    return [m.group("name") for m in _EVAL_ON.finditer(text)]


def _evaluated_on_names(text: str) -> list[str]:
    return [m.group("name") or m.group("name2") for m in _EVALUATED_ON.finditer(text)]


NameReader = Callable[[str], list[str]]


class PaperContext:
    """What the whole paper says about names: its own method's and its benchmarks.

    Read lazily, once, and only for papers that state a result: most sentences hold
    setup numbers only, and reading names costs more than finding numbers."""

    def __init__(self, title: str, abstract: str, lex: Lexicon) -> None:
        self.title, self.abstract, self.lex = title, abstract, lex

    @cached_property
    def method(self) -> str | None:
        """The paper's own method, or None for a paper whose named contribution is a
        benchmark ("we introduce AGQA, a new benchmark"): its results are the models'
        it evaluates, and the name is where they were measured."""
        name = self._named
        if self.own_benchmark:
            # "we introduce Pretty-CLEVR, a new diagnostic dataset" and also "the recurrent
            # relational network": the method is what else the abstract proposes
            abstract = self.abstract or ""
            name = next(
                (
                    n
                    for n in proposed_names(abstract, self.lex, later=True)
                    if _other_than(n, self.own_benchmark)
                    and not _names_a_benchmark(n, abstract)
                    and not _MEASURING.search(n)
                    and not _GENERIC_DESCRIPTION.search(n)
                ),
                None,
            )
        if not name:
            return None
        for acronym, both in self.acronyms.items():
            # "a regularization called REPresentation Alignment (REPA)": either spelling
            if name == acronym or both.startswith(name + " ") or both.startswith(name + "("):
                return both
        return name

    @cached_property
    def own_work_at(self) -> int:
        """Where the abstract first speaks of the paper's own work: its first "we",
        "our", "this paper", "here", or its method's name (0 when it does neither: an
        abstract that never turns to its own work states no problem first). What comes
        before is the problem's statement, whose numbers are other systems' ("generating
        a video with HunyuanVideo takes 600 PFLOPs. To address this, we propose
        AdaSpa")."""
        abstract = self.abstract or ""
        own = _OWN_WORK.search(abstract)
        at = own.start() if own else len(abstract)
        if self.method:
            for spelling in re.split(r"\s\(|\)", self.method):
                if spelling and (k := abstract.find(spelling, 0, at)) >= 0:
                    at = k
        return 0 if at == len(abstract) else at

    def sentence_at(self, sentence: str) -> int:
        """Where ``sentence`` starts in the abstract, found by its head as the abstract
        spells it (up to its first rewritten character, "×" for "times"); -1 when it is
        not the abstract's (a title's)."""
        head = _PLAIN_HEAD.match(sentence)
        if not head or len(head.group()) < 12:
            return -1
        return (self.abstract or "").find(head.group())

    def states_the_problem(self, sentence: str) -> bool:
        """Whether ``sentence`` is one of the abstract's sentences before
        :attr:`own_work_at`."""
        at = self.sentence_at(sentence)
        return at >= 0 and at + len(sentence) <= self.own_work_at

    @cached_property
    def _named(self) -> str | None:
        return method_name(self.title, self.abstract, self.lex)

    @cached_property
    def own_benchmark(self) -> str | None:
        """The benchmark the paper contributes, when what it names is one: where the
        results it reports were measured unless a sentence names another."""
        name = self._named
        if not name:
            return None
        titled = _BENCHMARK_TITLE.match(self.title or "")
        if titled and clean_name(titled.group("name")) == name:
            return name
        return name if _names_a_benchmark(name, self.abstract or "") else None

    @cached_property
    def challenge(self) -> str | None:
        """The shared task or challenge the paper is an entry to, named as the abstract
        names it: ``EgoExo4D Proficiency Estimation Challenge``, ``SemEval-2025 Task
        3``."""
        m = _SUBMITTED_TO.search(self.abstract or "")
        if not m:
            return None
        kind = m.group("kind")
        # "Challenge" and a task's number are part of the name; "task", "track" not
        words = m.group("name") + (f" {kind}" if kind[0] == "C" or kind[-1].isdigit() else "")
        return benchmark_name(words, self.lex, self.method)

    def _names(self, *readers: NameReader) -> tuple[str, ...]:
        """Distinct benchmark names found by ``readers``."""
        found: list[str] = []
        for reader in readers:
            for name in self._found_by(reader):
                if name not in found:
                    found.append(name)
        return tuple(found)

    def _found_by(self, reader: NameReader) -> list[str]:
        """The benchmark names one reader finds in the abstract, read once a paper."""
        cache = self.__dict__.setdefault("_found", {})
        if reader not in cache:
            names = (benchmark_name(n, self.lex, self.method) for n in reader(self.abstract or ""))
            cache[reader] = [n for n in names if n]
        return cache[reader]

    @cached_property
    def task_metric(self) -> str | None:
        """The metric the paper's task reports by convention (``rules.toml``
        ``task_metrics``: recognition and classification report accuracy), for a
        percentage whose abstract names no metric at all."""
        text = f"{self.title or ''} {self.abstract or ''}"
        return next((m for pattern, m in self.lex.task_metrics if pattern.search(text)), None)

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the abstract defines, each with its long form: ``AG`` →
        ``Adaptive Guidance (AG)``, so that either spelling of a subject names it."""
        found = {}
        for m in DEFINED_ACRONYM.finditer(self.abstract or ""):
            long = long_form(m.group("acronym"), m.group("long"))
            if long:
                found[m.group("acronym")] = f"{long} ({m.group('acronym')})"
        return found

    @cached_property
    def benchmarks(self) -> tuple[str, ...]:
        """Distinct names the abstract evaluates on ("on X" included), never subjects."""
        return self._names(_called_names, _noun_names, _apposed_names, _on_names)

    @cached_property
    def only_benchmark(self) -> str | None:
        """The benchmark of an abstract that evaluates on exactly one named thing, when
        the abstract says it is one: a dataset or benchmark by name, or what results are
        reported on ("experiments on X", "achieves ... on X"), not any "on X" ("runs on
        H800 GPUs", "trained on UK data")."""
        if len(self.benchmarks) != 1:
            return None
        name = self.benchmarks[0]
        strong = self._names(_called_names, _noun_names, _apposed_names, _evaluated_on_names)
        return name if name in strong else None


# the paper speaking of its own work: "we", "our", "this paper", "here"
_OWN_WORK = re.compile(
    r"\b(?:[Ww]e|[Oo]ur|[Uu]s|[Hh]ere|[Tt]his\s(?:paper|work|study|article|letter|report))\b"
)
# a sentence's head as the abstract spells it, up to its first rewritten character
_PLAIN_HEAD = re.compile(r"[\w\s,;:()'-]+")


# a paper that is an entry to a shared task or challenge ("FBK's system submission to the
# IWSLT 2021 Offline Speech Translation task", "our solution for the MiGA Challenge"): its
# results were measured on the task's data
_SUBMITTED_TO = re.compile(
    r"\b(?:submission|entry|participation|solution|system|approach)s?\s(?:to|for|in|at)\s"
    r"(?:the\s)?(?P<name>(?!(?:Shared|Task)\b)[A-Z][\w@.-]*"
    r"(?:\s(?:(?!(?:Shared|Task|Challenge|Competition|Track)\b)[A-Z][\w-]*|\d{4}))*)\s"
    r"(?P<kind>[Cc]hallenge|[Ss]hared\s[Tt]ask|[Tt]ask(?:\s\d{1,2}\b)?|[Cc]ompetition|[Tt]rack)"
)


def benchmark_name(name: str, lex: Lexicon, method: str | None) -> str | None:
    name = clean_name(name)
    if not name or lex.not_benchmark_re.fullmatch(name) or is_model_name(name, lex):
        return None
    if method and (name == method or name.split()[0] == method.split()[0]):
        return None
    return name


def paper_context(title: str, abstract: str, lex: Lexicon) -> PaperContext:
    """The paper's method name and the benchmarks its abstract evaluates on, read
    when first asked for."""
    return PaperContext(title, abstract, lex)
