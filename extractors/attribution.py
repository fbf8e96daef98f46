"""Who scored a result, and where: the ``subject`` and ``benchmark`` of result mentions.

Abstracts name things in a few regular ways, and these rules read those ways rather
than any list of known models or datasets:

- the paper's own method is named in the title (``NeSyGeo: A Neuro-Symbolic ...``), as
  what "we propose" (``we introduce PRISM``, ``a framework called X``), or as an
  acronym in parentheses (``... Superposition Model (PRISM)``); "our method" and "we"
  take that name (:func:`method_name`);
- a number belongs to the name that is the subject of the verb before it (``CoachMe
  outperforms GPT-4o by 31.6%``), or to a compared system when the text says so
  (``69.84% achieved by the baseline CLIP model``, ``GPT-4o's 45%``);
- a benchmark is the distinctive name after "on"/"in"/"across" next to the number
  (``+15.8% on MathVision``, ``On RoboMimic benchmarks, ...``), a name followed by
  "benchmark"/"dataset"/"test set", or, when the abstract evaluates on exactly one
  named benchmark, that one.

A *distinctive name* is a token that is not an ordinary word: it has a capital letter
after its first character or a digit (``MathVision``, ``GPT-4o``, ``NTU 60``), or is an
acronym (``COCO``). Model families that are names but never benchmarks
(``Llama``, ``Qwen``...) come from ``rules.toml`` ``[attribution]``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import TYPE_CHECKING

from extractors.lexicon import Lexicon

if TYPE_CHECKING:
    from extractors.classify import Fields
    from extractors.quantities import RawQuantity

# a token that is a name rather than a word: CamelCase, an acronym, or letters with digits
_NAME_TOKEN = (
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
_NAME = (
    rf"(?<![\w-]){_NAME_TOKEN}(?:\s(?:\d{{1,4}}\b|v\d\b|{_NAME_TOKEN}|(?:test(?:mini)?|val|dev|"
    r"Verified|Lite|Pro|Hard|Easy|Long|Challenge)\b))*"
)
_NAME_RE = re.compile(rf"(?<![\w-])(?P<name>{_NAME})(?![\w-])")

_TITLE_NAME = re.compile(r"^\s*(?P<name>[^:]{2,60}?)\s*:\s\S")
_VERB_PROPOSE = (
    r"\b(?:propose|introduce|present|develop|design|build|release|construct|contribute)(?:s|d)?\s"
)
_PROPOSE = re.compile(
    _VERB_PROPOSE + r"(?:(?:a|an|the)\s)?(?:(?:novel|new|simple|unified|general|lightweight)\s)*"
    r"(?:(?:method|framework|approach|model|system|technique|algorithm|pipeline)\s"
    r"(?:utilizing|using|based on|built on|called|named|dubbed)\s)?"
    r"(?P<name>" + _NAME + r")(?![\w-])"
    r"(?!\s(?:dataset|benchmark|corpus|suite|test set|challenge)s?\b)"
    # a plain word is a name when an appositive follows: "we introduce Chelsea, a framework"
    r"|" + _VERB_PROPOSE + r"(?P<plain>[A-Z][a-z][\w-]*(?:\s[A-Z][\w-]*){0,3}),\s(?:a|an|the)\s"
)
# "we introduce Low-Rank Clone (LRC), ...": the words the acronym abbreviates
_LONG_NAME = re.compile(
    _VERB_PROPOSE
    + r"(?:(?:a|an|the)\s)?(?P<name>(?:[A-Z][\w-]*\s){1,4})\((?P<acronym>"
    + _NAME_TOKEN
    + r")\)"
)
_DATA_NOUN = r"(?:dataset|benchmark|corpus|suite|test set|challenge|database|collection)s?"
_CALLED = re.compile(
    ""
    + "".join(f"(?<!{w} )(?<!{w}, )" for w in _DATA_NOUN[3:-3].split("|"))
    + r"\b(?:called|named|dubbed|termed|coined|namely)\s"
    r"(?P<name>" + _NAME + r")(?![\w-])"
)
# "a large public dataset called DeepLesion": a benchmark, named as the method would be
_DATA_CALLED = re.compile(
    r"\b" + _DATA_NOUN + r",?\s(?:called|named|dubbed|termed|coined)\s(?P<name>" + _NAME + r")"
    r"(?![\w-])(?P<name2>)"
)
_PAREN_ACRONYM = re.compile(
    r"\b(?:propose|introduce|present|develop|design|adopt|employ)(?:s|d|ed|ing)?\s"
    r"[^.;,]{0,100}?\((?P<name>" + _NAME_TOKEN + r")\)"
)
# what "we propose" when the method has no name: "a systematic image registration approach"
_PROPOSED_NP = re.compile(
    r"\b(?:propose|present|introduce|develop|design|build|investigate|evaluate|study)s?\s"
    r"(?:(?:a|an|the|two|three)\s)(?:(?:novel|new|simple|unified|general|lightweight|robust|"
    r"systematic|principled|scalable|efficient|effective)\s)*"
    r"(?P<np>(?:(?!(?:to|for|that|which|with|in|on|of|and|by|using|based|where|from)\b)"
    r"[A-Za-z][\w-]*\s){0,3}?(?:method|model|framework|approach|system|technique|algorithm|"
    r"pipeline|architecture|tool|attack|tracker|network|strategy|agent|scheme|paradigm|"
    r"mechanism|module|procedure|protocol|recipe|loss|objective|estimator|detector|"
    r"classifier|policy|planner|solver|workflow|design)s?)\b"
)
_RESULT_STEMS = (
    r"(?:achiev|outperform|surpass|reach|attain|obtain|improv|reduc|boost|deliver|yield|"
    r"exceed|beat|score|gain|accelerat|speed|cut|lower|rais|increas|decreas|match|show|"
    r"demonstrat|perform|record|set|establish|lead|enabl|bring|offer|provid|maintain|"
    r"preserv|retain|recover|shrink|compress|save|support|leverag|employ|integrat|"
    r"combin|generat|produc|predict|detect|exhibit|captur|enhanc|attain|outscor|solv|"
    r"prov|requir|tak|consum|need|converg|rival)"
)
_RESULT_VERB = _RESULT_STEMS + r"\w*"
# the verb itself, not a noun of its stem ("achieves", not "performance"); stems that
# are as often nouns ("gains", "sets", "cuts") are left out
_RESULT_VERB_FORM = (
    r"(?!(?:gain|set|cut|record|need|lead|speed|score|match)s?\b)"
    + _RESULT_STEMS
    + r"(?:e|es|ed|d|ing|s)?"
)
_SUBJECT_BEFORE = re.compile(
    r"(?<!\bon\s)(?<!\bin\s)(?<!\bof\s)(?<!\bfor\s)(?<!\bto\s)(?<!\bby\s)(?<!\bfrom\s)"
    r"(?<!\bwith\s)(?<!\bacross\s)(?<!\bover\s)(?<!\bthan\s)"
    r"(?<!\bon\sthe\s)(?<!\bin\sthe\s)(?<!\bof\sthe\s)"
    r"(?P<name>" + _NAME + r")(?:\s\([^)]{1,40}\))?"
    # "The FRoundation model with the ViT-L backbone outperforms"
    r"(?:\s(?:model|framework|method|approach|system|network|agent|pipeline|protocol|"
    r"algorithm|architecture|variant|policy|module|classifier|detector|tracker|solver|"
    r"planner|encoder|backbone|technique|strategy|tool)s?)?"
    # "The U-Net with focal loss achieved"
    r"(?:\s(?:with|using)\s[^,.;]{1,40}?)?"
    r"\s(?:(?:also|further|consistently|"
    r"significantly|substantially|notably|still|even|only|successfully|clearly|can|"
    r"could|which)\s){0,2}(?!set\b)" + _RESULT_VERB + r"\b"  # "the X test set" sets nothing
)
_ADVERBS = (
    r"(?:(?:also|further|consistently|significantly|substantially|notably|still|even|only|"
    r"successfully|clearly|can|could|which)\s){0,2}"
)
# a head noun that names a kind of system: bare ("the method") it is the paper's own,
# with modifiers ("the stacked LSTM model", "the U-Net with focal loss") it is described
_SYSTEM_NOUN = (
    r"(?:model|framework|method|approach|system|network|agent|pipeline|protocol|algorithm|"
    r"architecture|variant|policy|module|classifier|detector|tracker|solver|planner|encoder|"
    r"backbone|technique|strategy|tool)(?:es|s)?"
)
_FUNCTION_WORD = (
    r"(?:to|for|that|which|with|in|on|of|and|or|by|from|as|at|is|are|was|were|be|been|has|"
    r"have|had|not|when|where|while|whereas|we|it|they|than|then|both|all|each|only|also|"
    r"can|could|may|will|would|should|a|an|the|our|this|these|its|their|such|always|"
    r"two|three|four|several|many|most|some|when|if|although|despite|because|but|yet|"
    r"so|thus|hence|however|moreover|furthermore|additionally|finally|notably|overall|"
    r"often|first|last|same|still|even|just|then)"
)
# what did it, described rather than named: "the best model achieves", "prompt-based
# defenses achieve", "human experts reach" (the determiner, or the clause start, before it)
# a word of a described subject: not a function word, an adverb or a finite verb
# ("gradient boosting model" keeps its -ing word)
_NP_WORD = (
    r"(?!(?i:" + _FUNCTION_WORD + r")\b|" + _RESULT_STEMS + r"(?:e|es|ed|d|s)?\b|\w+ly\b)"
    r"[A-Za-z][\w/+-]*"
)
_PHRASE_BEFORE = re.compile(
    r"(?:(?<![\w-])(?P<det>[Tt]he|[Oo]ur|[Tt]his|[Tt]hese|[Tt]heir|[Ii]ts)\s|^|(?<=:\s)"
    # "these modifications enable consistency models to achieve"
    + "".join(f"|(?<=\\b{v}\\s)|(?<=\\b{v}s\\s)" for v in ("enable", "allow", "help"))
    + "".join(f"|(?<=\\b{w}\\s)" for w in ("while", "whereas"))
    + r")"
    r"(?P<name>(?:" + _NP_WORD + r"\s){0,4}(?P<head>" + _NP_WORD + r"[a-z]))"
    r"(?:\s\((?P<paren>[^)]{1,40})\))?(?:,\s(?:which|who))?\s(?:to\s)?"
    + _ADVERBS
    + _RESULT_VERB_FORM
    + r"\b"
)
_SYSTEM_NOUN_RE = re.compile(_SYSTEM_NOUN)
_BARE = re.compile(r"(?:(?:proposed|new|novel|resulting|final|overall|full)\s)*" + _SYSTEM_NOUN)

# "gains with o1-mini, which achieves 63.3% F1": a name the relative clause is about,
# after any preposition
_WHICH_BEFORE = re.compile(
    r"(?P<name>"
    + _NAME
    + r")(?:\s\([^)]{1,40}\))?,\s(?:which|who)\s"
    + _ADVERBS
    + _RESULT_VERB
    + r"\b"
)
_BY_BASELINE = re.compile(
    r"\s?\)?\s?(?:achieved|obtained|reported|attained|reached|scored)?\s?by\s(?:the\s)?"
    r"(?:(?:baseline|original|vanilla|standard|base|strongest|best|prior|previous)\s)*"
    r"(?P<name>" + _NAME + r")"
)
# "a SiT model trained for 7M steps", "Llama-3 fine-tuned on 10k examples": the number
# describes the named model right before it
_NAME_PARTICIPLE_BEFORE = re.compile(
    r"(?P<name>" + _NAME + r")(?:\s" + _SYSTEM_NOUN + r")?\s(?:trained|fine-tuned|finetuned|"
    r"pretrained|pre-trained|distilled|run)\s(?:for|on|with|in)\s"
    r"(?:(?:only|over|about|around|nearly|just|roughly)\s)?$"
)
_POSSESSIVE_BEFORE = re.compile(r"(?P<name>" + _NAME + r")(?:'s|’s)\s(?:\w+\s){0,2}$")
_PAREN_AFTER_NAME = re.compile(
    r"(?P<name>" + _NAME + r")(?:\s(?:(?:test|val|dev)\s)?(?:set|split|benchmark|dataset))?\s\($"
)

_BENCH_AFTER = re.compile(
    # the first "on" after the number: in "93.1% on Kinetics 400 and 97.5% on NTU 60",
    # not the NTU 60 of the next number
    # ("over X" after a gain names the baseline, not a benchmark)
    r"(?:(?!\b(?:on|across)\s(?!average\b))[^.;:]|\.(?=\d)){0,80}?\b(?P<prep>on|across|"
    # "in reasoning benchmarks like Big-Bench Hard", "in GSM8K accuracy"
    r"(?:in|for|of)(?=\s(?:the\s)?[\w-]+\s(?:benchmark|dataset|test)|\s(?:[\w-]+\s){1,4}?"
    r"(?:benchmarks?|datasets?)\s(?:like|such as|including)\s)|"
    r"in(?=\s(?:the\s)?" + _NAME + r"\s(?:accuracy|scores?|performance|F1|pass@\d+|results?)\b))"
    # any one or two modifiers: "on zero-shot COCO 2014", "on the challenging X"
    r"\s(?:the\s)?(?:(?:[a-z][\w-]*|widely[- ]used)\s){0,2}?"
    r"(?:(?:[A-Za-z-]+\s){0,3}?(?:benchmarks?|datasets?|suites?|splits?|subsets?|test sets?)"
    r"\s(?:(?:like|such as|including)\s)?)?(?P<name>" + _NAME + r")(?![\w-])"
)
# "trained on X", "relies on X", "built on X", "runs on X": not where a result was measured
_NOT_MEASURED_ON = re.compile(
    r"\b(?:rel(?:y|ies|ying)|based|built|buil(?:d|ds|ding)|depend\w*|focus\w*|(?:pre-?|fine-?)?"
    r"train(?:ed|ing|s)?|conditioned|run(?:s|ning)?|deployed|implemented|hosted|executed|"
    r"relying|draw(?:s|n|ing)?|learned|distilled)\s$"
)
_BENCH_BEFORE = re.compile(
    # "on the large-scale FR benchmark IJB-C": the name after the data noun first
    r"\b(?P<prep>[Oo]n|[Ii]n|[Aa]cross)\s(?:the\s)?(?:(?:[\w-]+\s){0,3}?(?:benchmark|dataset|suite)s?"
    r",?\s(?:(?:such as|including|like)\s)?"
    r"|(?:[\w-]+\s){0,3}?)(?P<name>"
    + _NAME
    + r")(?![\w-])(?:\s(?:benchmarks?|datasets?|test sets?|tasks?|suites?))?,?\s"
)
_DATA_NOUN_AFTER = (
    r"['’”]?\s(?:benchmarks?|datasets?|test sets?|suites?|corpus|leaderboards?|challenges?|"
    r"cohorts?)\b"
)
_BENCH_NOUN = re.compile(
    r"(?P<name>" + _NAME + r")" + _DATA_NOUN_AFTER + r"|\b(?:benchmarks?|datasets?)\s(?:such as\s|"
    r"like\s|including\s)?(?P<name2>" + _NAME + r")(?![\w-])"
    # a name of ordinary capitalised words: "the Natural Instructions dataset"
    r"|(?<![\w-])(?:(?:The|On|In|Across|For|Our|This|These|Its|Their)\s)?"
    r"(?P<name3>[A-Z][\w-]*(?:\s[A-Z][\w-]*){1,3})" + _DATA_NOUN_AFTER
)


def _found_name(m: re.Match[str]) -> str:
    """The name a benchmark pattern matched, whichever of its groups holds it."""
    groups = m.groupdict()
    return groups.get("name") or groups.get("name2") or groups.get("name3") or ""


# a metric named somewhere in the sentence, for a number whose own words name none
_METRIC_WORD = re.compile(
    r"\b(?:(?:top-1|top-5|average|mean|overall|zero-shot|few-shot)\s)?(?:accuracy|success rate|"
    r"F1(?:\sscore)?|pass@\d+|win rate|exact match|recall|precision|mIoU|mAP|AUC|AUROC|BLEU|"
    r"sensitivity|specificity|Dice(?:\sscore)?|IoU|SSIM|PSNR|ROUGE(?:-\w+)?|harmonic mean|"
    r"correlation|error rate|WER|CER|FID|perplexity|reasoning ability|performance)\b",
    re.I,
)
_DATA_WORD = re.compile(r"\b(?:benchmarks?|datasets?|tasks)\b")
_MODEL_SIZE = re.compile(r"(?<![A-Za-z\d])\d+(?:\.\d+)?[BM]\b")  # Llama-2-7B, not GSM8K
_ON = re.compile(r"\b(?:on|in|across)\s")
_VERSUS = re.compile(r"[^.;\d]{0,30}?\b(?:vs\.?|versus|compared (?:to|with)|against)\s[^\d]{0,20}")
# "54x faster than Habitat 2.0 (7699 SPS)": the open parenthesis before a number
_OPEN_PAREN = re.compile(r"\s?\((?:[^()]{0,30}[,;]\s)?[^()\d]{0,12}$")
# "compared to 138.66 with DDIM", "than the 24 hours it takes in Habitat 2.0": the
# number is the compared system's, named after it
_COMPARED_BEFORE = re.compile(
    # not "more than 70%": a bare "than" before a number is its qualifier
    r"(?:\b(?:compared (?:to|with)|versus|vs\.?|relative to)\s(?:the\s|that\sof\s)?"
    r"|\bthan\s(?:the\s|that\sof\s))"
    r"(?:(?:over|about|around|nearly|only|just)\s)?$"
)
_COMPARED_NAME_AFTER = re.compile(
    r"[^.;,()]{0,50}?\b(?:with|by|in|of|from|for)\s(?:(?:the|a|an)\s)?(?:[a-z][\w-]*\s){0,2}"
    r"(?P<name>" + _NAME + r")(?![\w-])"
)
# "vs. 90.1% by humans", "for the baselines": the compared side described by an agent noun
_COMPARED_PHRASE_AFTER = re.compile(
    r"[^\s.;,()]*\s(?:for|by)\s(?:(?:the|a|an)\s)?(?P<name>(?:[a-z][\w-]*\s){0,2}(?P<head>[a-z][\w-]*))\b"
)
_COMPARED_LEFT = re.compile(
    r"\b(?:outperform\w*|surpass\w*|than|over|beat\w*|exceed\w*|versus|vs\.?|compared\s(?:to|with)|"
    r"relative\sto|against)\s(?:(?:the|a|an|all|both)\s)?(?:[\w-]+\s){0,3}$"
)
_COMPARISON_LEFT = re.compile(r"\b(?:versus|vs\.?|compared (?:to|with)|relative to)\s")
_FOR_NAME_RIGHT_AFTER = re.compile(
    r"(?:\s?[A-Za-z%]{1,12})?\s(?:for|by|with|from)\s(?:the\s)?(?P<name>" + _NAME + r")(?![\w-])"
)
_DESCRIBED_BENCH = re.compile(
    r"\b(?:[Oo]n|[Ii]n|[Aa]cross|[Oo]ver)\s(?:the|a|our)\s(?P<name>(?:(?!(?:proposed|new|"
    r"challenging|popular|standard|public|same|whole|entire|full)\b)[a-z][\w-]*\s){1,3}"
    r"(?:benchmark|dataset|test set|corpus|suite))\b(?!s)"
)
# a description that says only that it is data: "held-out test set", "diverse dataset"
_GENERIC_DATA = re.compile(
    r"(?:(?:held-out|test|testing|independent|diverse|original|validation|evaluation|large|"
    r"small|large-scale|public|private|external|internal|in-house|real|real-world|synthetic|"
    r"comprehensive|several|multiple|various|different|standard|challenging|widely-used|"
    r"popular|unseen|full|entire|whole|clinical|collected|curated|annotated|benchmark|new|"
    r"same|target|source|downstream|common|existing|open|open-source|proposed)\s)*"
    r"(?:benchmark|dataset|test set|corpus|suite)"
)
_EVALUATED_ON = re.compile(
    r"\b(?:evaluat\w*|experiments?|tested|tests|results?|achiev\w*|outperform\w*|accuracy|"
    r"scores?|performance|improv\w*|surpass\w*|state-of-the-art|SOTA|FID|gains?)\b"
    r"(?:[^.;]|\.(?=\d)){0,100}?"
    r"\b(?:on|across|over)\s(?:the\s)?(?:[a-z][\w-]*\s){0,2}?(?P<name>" + _NAME + r")(?![\w-])"
    # a sentence that opens "On ImageNet, ..."
    r"|(?:^|(?<=[.:]\s))(?:On|Across)\s(?:the\s)?(?P<name2>" + _NAME + r")(?![\w-])"
)
_EVAL_ON = re.compile(
    r"\b(?:on|across|over)\s(?:the\s)?(?:[a-z][\w-]*\s){0,2}?(?P<name>" + _NAME + r")(?![\w-])"
    r"(?P<name2>)"
)


# "Adaptive Guidance" (AG), Low-Rank Clone (LRC): an acronym after the words it abbreviates
_DEFINED_ACRONYM = re.compile(
    r"(?P<long>[A-Z][\w-]*(?:\s[A-Z][\w-]*){0,5})[\"'”’]?\s\((?P<acronym>[A-Z][A-Za-z]*[A-Z][\w-]*)\)"
)


def _long_form(acronym: str, long: str) -> str | None:
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


_DATA_KIND = r"(?:benchmark|dataset|corpus|suite|testbed|test set)s?\b"
_NOT_IN_APPOSITIVE = r"(?!(?:that|which|for|on|to|with|in|of|and)\b)"
# "Galaxy-Bench, a benchmark of 500 scenes", "MAVERIX (...), a novel benchmark"
_APPOSITIVE = (
    r"(?:[\s~]\([^)]{0,80}\))?,\s(?:a|an|the)\s(?:" + _NOT_IN_APPOSITIVE + r"[\w-]+\s){0,3}"
)
_BENCH_APPOSITIVE = re.compile(r"(?P<name>" + _NAME + r")" + _APPOSITIVE + _DATA_KIND)


def _names_a_benchmark(name: str, abstract: str) -> bool:
    """Whether the abstract calls ``name`` a benchmark or dataset ("AGQA, a new benchmark
    for ...", "the MAVERIX benchmark", "we introduce a benchmark, X", "a dataset called
    X"; not "On the test set, X reaches ...")."""
    n = r"(?<![\w-])" + re.escape(name) + r"(?![\w-])"
    apposed = n + r"['’”]?(?:" + _APPOSITIVE + r"|\s)" + _DATA_KIND
    introduced = (
        r"\b(?:introduc|present|propos|releas|construct|buil|creat|curat|collect|develop|"
        r"design)\w*\s(?:a|an|the|new|novel)\s(?:[\w-]+\s){0,3}" + _DATA_KIND + r",\s['‘“`]?" + n
    )
    called = _DATA_KIND + r"\s(?:called|named|dubbed|termed)\s['‘“`]?" + n
    return bool(re.search(f"{apposed}|{introduced}|{called}", abstract))


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
        if self.own_benchmark or not self._named:
            return None
        name = self._named
        for acronym, both in self.acronyms.items():
            # "a regularization called REPresentation Alignment (REPA)": either spelling
            if name == acronym or both.startswith(name + " ") or both.startswith(name + "("):
                return both
        return name

    @cached_property
    def _named(self) -> str | None:
        return method_name(self.title, self.abstract, self.lex)

    @cached_property
    def own_benchmark(self) -> str | None:
        """The benchmark the paper contributes, when what it names is one: where the
        results it reports were measured unless a sentence names another."""
        name = self._named
        return name if name and _names_a_benchmark(name, self.abstract or "") else None

    def _names(self, *patterns: re.Pattern[str]) -> tuple[str, ...]:
        found: list[str] = []
        for pattern in patterns:
            for m in pattern.finditer(self.abstract or ""):
                name = _benchmark_name(_found_name(m), self.lex, self.method)
                if name and name not in found:
                    found.append(name)
        return tuple(found)

    @cached_property
    def acronyms(self) -> dict[str, str]:
        """Acronyms the abstract defines, each with its long form: ``AG`` →
        ``Adaptive Guidance (AG)``, so that either spelling of a subject names it."""
        found = {}
        for m in _DEFINED_ACRONYM.finditer(self.abstract or ""):
            long = _long_form(m.group("acronym"), m.group("long"))
            if long:
                found[m.group("acronym")] = f"{long} ({m.group('acronym')})"
        return found

    @cached_property
    def benchmarks(self) -> tuple[str, ...]:
        """Distinct names the abstract evaluates on ("on X" included), never subjects."""
        return self._names(_DATA_CALLED, _BENCH_NOUN, _BENCH_APPOSITIVE, _EVAL_ON)

    @cached_property
    def only_benchmark(self) -> str | None:
        """The benchmark of an abstract that evaluates on exactly one named thing, when
        the abstract says it is one: a dataset or benchmark by name, or what results are
        reported on ("experiments on X", "achieves ... on X"), not any "on X" ("runs on
        H800 GPUs", "trained on UK data")."""
        if len(self.benchmarks) != 1:
            return None
        name = self.benchmarks[0]
        strong = self._names(_DATA_CALLED, _BENCH_NOUN, _BENCH_APPOSITIVE, _EVALUATED_ON)
        return name if name in strong else None


def _clean_name(name: str) -> str:
    return name.strip(" ,.;:()[]\"'")


def is_model_name(name: str, lex: Lexicon) -> bool:
    """A model, hardware or method family name, which is never a benchmark."""
    return bool(lex.model_family_re.search(name)) or bool(_MODEL_SIZE.search(name))


def _benchmark_name(name: str, lex: Lexicon, method: str | None) -> str | None:
    name = _clean_name(name)
    if not name or lex.not_benchmark_re.fullmatch(name) or is_model_name(name, lex):
        return None
    if method and (name == method or name.split()[0] == method.split()[0]):
        return None
    return name


_PHRASE_TITLE = re.compile(
    r"(?:From|On|Beyond|Towards?|When|Why|How|What|Is|Are|Do|Does|Can|Should|A|An|The|"
    r"Through|Into|Under|Over|Against|Between|After|Before)\b|\w+ing\b"
)


def method_name(title: str, abstract: str, lex: Lexicon) -> str | None:
    """The name the paper gives its own method, or None when it gives none.

    A title's ``Name:`` wins when it is a name (``NeSyGeo:``, ``Turbo-GS:``); a title
    that opens with a phrase (``From Points to Clouds: ...``) yields to the name the
    abstract proposes (``P2C``), and is used only when the abstract names none."""
    t = _TITLE_NAME.match(title or "")
    prefix = _clean_name(t.group("name")) if t else None
    if prefix and (len(prefix.split()) > 5 or lex.not_benchmark_re.fullmatch(prefix)):
        prefix = None
    if prefix and _NAME_RE.fullmatch(prefix):
        return prefix
    if prefix and len(prefix.split()) <= 3 and prefix.lower() in (abstract or "").lower():
        # "Adaptive Guidance: ..." whose abstract proposes "Adaptive Guidance" (AG): a
        # name of ordinary words, which the abstract uses as one
        return prefix
    text = abstract or ""
    long = _LONG_NAME.search(text)
    if long:  # both spellings, since either may be the one used later
        return f"{_clean_name(long.group('name'))} ({long.group('acronym')})"
    for pattern in (_PROPOSE, _CALLED, _PAREN_ACRONYM):
        m = pattern.search(text)
        found = m and (m.groupdict().get("plain") or m.group("name"))
        if found and not lex.not_benchmark_re.fullmatch(_clean_name(found)):
            name = _clean_name(found)
            if not is_model_name(name, lex) or pattern is not _PROPOSE:
                return name
    described = _PROPOSED_NP.search(text)
    if described and len(described.group("np").split()) > 1:  # "a framework" names nothing
        return " ".join(described.group("np").split())
    counts: dict[str, int] = {}
    for m in _SUBJECT_BEFORE.finditer(text):
        name = _clean_name(m.group("name"))
        if not is_model_name(name, lex) and not lex.not_benchmark_re.fullmatch(name):
            counts[name] = counts.get(name, 0) + 1
    if counts:
        return max(counts, key=lambda k: counts[k])
    if prefix and len(prefix.split()) <= 2 and not _PHRASE_TITLE.match(prefix):
        # "Masked Thought: ..." names a method; "From Dormant to Deleted: ...",
        # "Protecting Your Video Content: ..." are phrases, and name none
        return prefix
    return None


def paper_context(title: str, abstract: str, lex: Lexicon) -> PaperContext:
    """The paper's method name and the benchmarks its abstract evaluates on, read
    when first asked for."""
    return PaperContext(title, abstract, lex)


Found = tuple[str | None, str | None]  # (the name, the id of the rule that found it)


_MEASURED_UNITS = frozenset({"%", "pp", "score", "x"})
_DEFAULT_UNITS = frozenset({"%", "pp", "score"})


def benchmark_of(
    sentence: str,
    start: int,
    end: int,
    ctx: PaperContext,
    lex: Lexicon,
    unit: str = "score",
    kind: str = "value",
) -> Found:
    """The benchmark a result at ``sentence[start:end]`` was measured on."""
    after = _BENCH_AFTER.match(sentence, end)
    if after and _NOT_MEASURED_ON.search(
        sentence, max(0, after.start("prep") - 30), after.start("prep")
    ):
        after = None
    if after and (name := _benchmark_name(after.group("name"), lex, ctx.method)):
        return name, "benchmark.on_after"
    paren = _PAREN_AFTER_NAME.search(sentence, max(0, start - 40), start)
    if (
        paren  # "performance on GSM8K (+10.5%)", "benchmarks such as HumanEval (+12.2%)"
        and (
            _ON.search(sentence, max(0, paren.start() - 60), paren.start())
            or _DATA_WORD.search(sentence, 0, paren.start())
        )
        # "outperforming conventional CNN (58.3%)" names a compared system
        and not _COMPARED_LEFT.search(sentence, max(0, paren.start() - 50), paren.start())
        and (name := _benchmark_name(paren.group("name"), lex, ctx.method))
    ):
        return name, "benchmark.name_before_parenthesis"
    before = None
    for m in _BENCH_BEFORE.finditer(sentence, 0, start):
        if _NOT_MEASURED_ON.search(sentence, max(0, m.start("prep") - 30), m.start("prep")):
            continue
        before = m
    if before and (name := _benchmark_name(before.group("name"), lex, ctx.method)):
        return name, "benchmark.on_before"
    named = [
        (abs(m.start() - start) if m.start() < start else len(sentence) + m.start(), name)
        for m in _BENCH_NOUN.finditer(sentence)
        if (name := _benchmark_name(_found_name(m), lex, ctx.method))
    ]
    if named:  # the nearest before the number, else the first after it
        return min(named)[1], "benchmark.named_in_sentence"
    described = None
    for m in _DESCRIBED_BENCH.finditer(sentence):
        if _GENERIC_DATA.fullmatch(m.group("name")):
            continue  # "the held-out test set" names no benchmark
        if described is None or m.start() < start:
            described = m
    if described and unit in _MEASURED_UNITS:
        # "On the base-to-novel generalization benchmark, ...": a benchmark named by what
        # it is
        return " ".join(described.group("name").split()), "benchmark.described"
    if ctx.only_benchmark and unit in _DEFAULT_UNITS and kind in ("value", "change"):
        # a score measured in the paper's evaluation, or a gain in one: not a count, a
        # size, a speed-up or a share of something ("2% of the parameters")
        return ctx.only_benchmark, "benchmark.only_one_in_abstract"
    if ctx.own_benchmark and unit in _MEASURED_UNITS:
        # a paper that contributes a benchmark measures on it unless it names another
        return ctx.own_benchmark, "benchmark.paper_benchmark"
    return None, None


def subject_of(
    sentence: str, start: int, end: int, ctx: PaperContext, lex: Lexicon, benchmark: str | None
) -> Found:
    """The model or method a result at ``sentence[start:end]`` belongs to."""
    by = _BY_BASELINE.match(sentence, end)
    if by and not _is_benchmark(by.group("name"), benchmark):
        return _clean_name(by.group("name")), "subject.achieved_by"
    left = sentence[max(0, start - 40) : start]
    own = _POSSESSIVE_BEFORE.search(left)
    if own is None and (paren := _PAREN_AFTER_NAME.search(left)):
        # "GPT-4o (45.2%)" is the model's own number; "HumanEval (+12.2%)" names where
        own = paren if is_model_name(_clean_name(paren.group("name")), lex) else None
    if own is None:
        own = _NAME_PARTICIPLE_BEFORE.search(sentence, max(0, start - 80), start)
    if (
        own
        and not _is_benchmark(own.group("name"), benchmark)
        and _clean_name(own.group("name")) not in ctx.benchmarks
    ):
        return _clean_name(own.group("name")), "subject.own_number"
    best, best_at = None, None
    found = [
        *_SUBJECT_BEFORE.finditer(sentence, 0, start),
        *_WHICH_BEFORE.finditer(sentence, 0, start),
    ]
    for m in sorted(found, key=lambda m: m.end()):
        name = _clean_name(m.group("name"))
        if (
            not _is_benchmark(name, benchmark)
            and name not in ctx.benchmarks
            and not lex.not_benchmark_re.fullmatch(name)
        ):
            best, best_at = name, m.end()
    phrase = None
    for m in _PHRASE_BEFORE.finditer(sentence, 0, start):
        phrase = m
    # "X achieves 10.1%, while our proposed Y ... achieves 15.4%": a subject in an earlier
    # clause is not this number's
    clause = max((m.end() for m in _CLAUSE_BREAK.finditer(sentence, 0, start)), default=0)
    if best_at is not None and best_at < clause:
        best = None
    if phrase and phrase.end() < clause:
        phrase = None
    if phrase and (best_at is None or phrase.end() > best_at):
        described = _described(phrase, ctx, lex)
        if described:
            return described, "subject.phrase_before_verb"
    if best:
        return ctx.acronyms.get(best, best), "subject.name_before_verb"
    if ctx.method:
        return ctx.method, "subject.paper_method"
    return None, None


# a clause with a subject of its own ("while our model reaches"), not "while reducing"
_CLAUSE_BREAK = re.compile(r",?\s(?:while|whereas)\s(?!\w+ing\b)|;\s")


def _described(m: re.Match[str], ctx: PaperContext, lex: Lexicon) -> str | None:
    """The phrase of a :data:`_PHRASE_BEFORE` match as a subject, or None when it names
    nothing: a head that is not an agent ("the experiments show", "Chamfer Distance
    improves"; ``rules.toml`` ``agent_heads``), or the paper's own method in general
    words ("our method", "the proposed framework"), which the method's name answers."""
    phrase = " ".join(m.group("name").split())
    if not lex.agent_head_re.fullmatch(m.group("head")) or lex.not_benchmark_re.fullmatch(phrase):
        return None
    named = _NAME_RE.fullmatch(_clean_name(m.group("paren") or ""))
    if named:  # "The best-performing model (MedGemma) achieves"
        return named.group("name")
    if _BARE.fullmatch(phrase):
        return None
    if (m.group("det") or "").lower() in ("our", "this", "these") and ctx.method:
        # "our lightweight model achieves", "this hybrid strategy enables": the paper's
        # method, by its name
        return None
    return phrase


_P_VALUE_BEFORE = re.compile(r"\b[pP]\s?[<=>≤]\s?$|\b[pP]-values?\s(?:of\s)?$")
_VERSUS_AFTER = re.compile(r"\s?(?:vs\.?|versus)\s")
# a baseline phrase that names something: a word of three letters or more, not "the"
_NAME_WORD = re.compile(r"(?!(?:the|and|just|only|all|its|our|their)\b)[A-Za-z][\w-]{2,}")


def _compared_side(
    sentence: str, q: RawQuantity, baseline: str | None, lex: Lexicon, kind: str
) -> tuple[str, str] | None:
    """The compared system of a number that is its own, not the method's: one in
    parentheses right after the baseline's name (``than Habitat 2.0 (7699 SPS)``), or
    one stated as what is compared against (``compared to 138.66 with DDIM``)."""
    left = sentence[max(0, q.start - 120) : q.start]
    if kind != "value" or _P_VALUE_BEFORE.search(left) or _VERSUS_AFTER.match(sentence, q.end):
        # a gain over the baseline ("(+3.1% on PET)"), a test statistic ("p<0.001"), or
        # the first side of "84.57% vs. 83.89%" is not the baseline's own
        return None
    baseline = baseline if baseline and _NAME_WORD.search(baseline) else None
    paren = _OPEN_PAREN.search(left)
    if baseline and paren and left[: paren.start()].rstrip().endswith(baseline):
        return baseline, "subject.baseline_own_number"
    if _COMPARISON_LEFT.search(left[-80:]):
        # "... versus 0.506 for GPT-4 and 0.508 for GPT-4o": every compared number that is
        # named right after it
        named = _FOR_NAME_RIGHT_AFTER.match(sentence, q.end)
        if named and not lex.not_benchmark_re.fullmatch(_clean_name(named.group("name"))):
            return _clean_name(named.group("name")), "subject.compared_number"
    if _COMPARED_BEFORE.search(left):
        after = _COMPARED_NAME_AFTER.match(sentence, q.end)
        if after and not lex.not_benchmark_re.fullmatch(_clean_name(after.group("name"))):
            return _clean_name(after.group("name")), "subject.compared_number"
        if baseline:
            return baseline, "subject.compared_number"
    return None


def _is_benchmark(name: str, benchmark: str | None) -> bool:
    return bool(benchmark) and _clean_name(name) == benchmark


def attribute(
    sentence: str,
    qs: list[RawQuantity],
    fields: list[Fields],
    ctx: PaperContext,
    lex: Lexicon,
) -> list[Fields]:
    """``fields`` with the subject and benchmark of every result mention filled in
    (setup mentions have neither), and the rules that found them."""
    out = []
    for i, (q, f) in enumerate(zip(qs, fields, strict=True)):
        if f.role != "result":
            out.append(f)
            continue
        bench, bench_rule = benchmark_of(sentence, q.start, q.end, ctx, lex, q.unit, f.kind)
        subject, subject_rule = subject_of(sentence, q.start, q.end, ctx, lex, bench)
        prev = qs[i - 1] if i else None
        if (
            prev is not None
            and prev.unit == q.unit
            and _VERSUS.fullmatch(sentence, prev.end, q.start)
        ):
            # "675 vs. 6,250 GPU days", "51.6% compared to 69.8%": the second number is
            # the compared system's own, never the method's, even when it goes unnamed;
            # named right after it ("vs. 60.1% for GPT-4") or as the baseline
            after = _COMPARED_NAME_AFTER.match(sentence, q.end)
            named = after and _clean_name(after.group("name"))
            if named and lex.not_benchmark_re.fullmatch(named):
                named = None
            described = _COMPARED_PHRASE_AFTER.match(sentence, q.end)
            if not named and described and lex.agent_head_re.fullmatch(described.group("head")):
                named = " ".join(described.group("name").split())
            baseline = f.baseline if f.baseline and _NAME_WORD.search(f.baseline) else None
            subject, subject_rule = named or baseline, "subject.compared_side"
        compared = _compared_side(sentence, q, f.baseline, lex, f.kind)
        if compared:
            subject, subject_rule = compared
        if q.before_after == "before":
            # "raises accuracy from 42.1% to 55.3%": the before is not the method's number
            subject, subject_rule = f.baseline, "subject.before_value"
        metric, rules = f.metric, [*f.rules, bench_rule, subject_rule]
        if metric and (
            metric in (bench, subject, ctx.method)
            or metric in ctx.benchmarks
            or (bench and bench.startswith(metric + " "))  # "97.5% on NTU 60": "NTU"
        ):
            # "43.68% on MathVerse testmini", "97.5% on NTU 60": a name read as the metric
            metric = None
            rules.append("metric.not_a_name")
        if metric is None and f.kind == "value" and q.unit in ("%", "score"):
            # "state-of-the-art results: 94.1% on NTU 60", "sensitivity for lesions (Bone:
            # 80% vs. 46%)": the metric the sentence names nearest before the number, else
            # after it, else the abstract's
            before = list(_METRIC_WORD.finditer(sentence, 0, q.start))
            named = (before[-1] if before else None) or _METRIC_WORD.search(sentence, q.end)
            if named:
                metric = named.group()
                rules.append("metric.named_in_sentence")
            elif q.unit == "%" and (named := _METRIC_WORD.search(ctx.abstract or "")):
                metric = named.group()
                rules.append("metric.named_in_abstract")
        rules = tuple(r for r in rules if r)
        out.append(replace(f, benchmark=bench, subject=subject, metric=metric, rules=rules))
    return _respectively(sentence, qs, out, ctx, lex)


_NAME_LIST = re.compile(
    r"\b(?:on|across|for)\s(?:the\s)?(?P<list>"
    + _NAME
    + r"(?:(?:,\s(?:and\s)?|,?\s(?:and|or)\s)"
    + _NAME
    + r")+)"
)
# any list of names, for a sentence that says the numbers go with it "respectively"
# ("on the test sets of MATH and GSM8K, respectively", "(AIME2024 and AIME2025) ...
# up to 13% and 10% respectively")
_ANY_NAME_LIST = re.compile(
    r"(?<![\w-])(?P<list>"
    + _NAME
    + r"(?:(?:,\s(?:and\s)?|,?\s(?:and|or)\s)"
    + _NAME
    + r")+)(?![\w-])"
)
_LIST_OF_DATA = re.compile(
    r"(?:\b(?:[Oo]n|[Aa]cross|[Ii]n|[Ff]or|of)\s(?:the\s)?(?:[\w-]+\s){0,4}?|"
    r"\b(?:benchmarks?|datasets?|tasks|test sets?|splits?)\W{1,3}"
    r"(?:such as\s|including\s|like\s)?)$"
)
_RESPECTIVELY = re.compile(r"\brespectively\b|\beach\b(?=[\s.,;]*$)")
_LIST_SEP = re.compile(r",\s(?:and\s)?|,?\s(?:and|or)\s")


def _respectively(
    sentence: str, qs: list[RawQuantity], fields: list[Fields], ctx: PaperContext, lex: Lexicon
) -> list[Fields]:
    """``81.8%, 34.7% and 76.4% on GSM8K, MATH and ARC-C``: as many results of a kind
    as a list has names take them in order, when the list follows the numbers with
    "on", or stands anywhere in a sentence that says "respectively"."""
    lists = [(m, "benchmark.respectively") for m in _NAME_LIST.finditer(sentence)]
    if _RESPECTIVELY.search(sentence):
        lists += [
            (m, "benchmark.respectively_any")
            for m in _ANY_NAME_LIST.finditer(sentence)
            # a list of where things were measured, not of models or baselines
            if _LIST_OF_DATA.search(sentence, max(0, m.start() - 50), m.start())
            and not _COMPARED_LEFT.search(sentence, max(0, m.start() - 50), m.start())
        ]
    out = list(fields)
    done: set[int] = set()
    for m, rule in lists:
        names = [_benchmark_name(n, lex, ctx.method) for n in _LIST_SEP.split(m.group("list"))]
        if len(names) < 2 or not all(names):
            continue
        for kind in ("value", "change"):
            idx = [
                i
                for i, (q, f) in enumerate(zip(qs, fields, strict=True))
                if f.role == "result"
                and f.kind == kind
                and i not in done
                and (rule != "benchmark.respectively" or q.end <= m.start())
            ]
            if len(idx) != len(names):
                continue
            for i, name in zip(idx, names, strict=True):
                rules = (*(r for r in out[i].rules if not r.startswith("benchmark.")),)
                out[i] = replace(out[i], benchmark=name, rules=(*rules, rule))
                done.add(i)
    return out
