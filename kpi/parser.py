"""Reading a rubric cell: ``kpi.parse(text) -> Threshold``.

The steps, in order:

1. normalise (NFKC, folds, whitespace, trailing punctuation), remembering
   where each character came from; a text made only of characters that
   normalisation keeps is taken as it is (:meth:`Reader.normalize`);
2. an empty marker (``—``, ``无``, blank) is the empty threshold;
3. a cell without digits is a label (``圆满完成``), unless it reads as
   ``(-∞, +∞)`` (only a cell that starts with a bracket is tried) or is an
   unfilled template made only of comparators, boundary words, units and
   punctuation (``≧ %``);
   a label may carry a note in brackets (``优秀(20分)``);
4. texts the language refuses on purpose (dates, ranks, relative targets)
   are refused with their reason;
5. the grammar (:mod:`kpi.grammar`) reads the rest into a syntax tree, and
   :mod:`kpi.meaning` gives the tree its meaning. The common forms
   (``≥95%``, ``不满60%``, ``95%``, ``90%以上``, ``控制在5%以内``, ``80-89%``,
   ``[3,5)``, ``[90%, +∞)``) are first tried by regular expressions that
   build the same threshold directly (:meth:`Reader.simple`); the grammar
   reads everything else, and every text the shortcut declines.

Every failure is a :class:`~kpi.ThresholdSyntaxError` that names the reason
and the column in the text as given.
"""

from __future__ import annotations

import functools
import re
import threading
import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import NoReturn

import pyparsing as pp

from kpi.errors import ArgumentTypeError, ThresholdSyntaxError
from kpi.exact import to_decimal
from kpi.grammar import Grammar, Node, compound_unit_pattern, describe_expected
from kpi.interval import CLOSED, OPEN, Bound, Interval
from kpi.meaning import Cell, Meaning, range_interval, suffixed_interval
from kpi.normalize import NormalizedText, normalize
from kpi.threshold import Threshold
from kpi.units import Unit, conversion_factor, unit_from_match
from kpi.vocabulary import Vocabulary, load_vocabulary

__all__ = ["Reader", "current_reader", "parse", "use_vocabulary"]

_CACHE_SIZE = 65536
MAX_LENGTH = 20_000  # characters; a real cell holds a few dozen
_COMPARATOR_SYMBOLS = re.compile(r"[≥≧≤≦<>=═]")
_DIGIT = re.compile(r"\d")
_LABEL_NOTE = re.compile(r"^(?P<label>[^\d()]+?)\s*\((?P<note>[^()]*\d[^()]*)\)$")
_LETTERS = re.compile(r"[^\W\d_]+")

# The simple forms, read without the grammar (see Reader.simple). Each token
# is an atomic group or a possessive option, so that, like pyparsing, a
# token once matched is never shortened or given back to make the rest fit.
# Digits are ASCII only; \d would also take other scripts' digits.
_NUMBER = r"(?>[0-9]+(?:\.[0-9]+)?)"
_SIGNED_NUMBER = r"(?>[+\-]?[0-9]+(?:\.[0-9]+)?)"
# The name of a (?P<name>...) group, to make a pattern's groups anonymous.
_GROUP_NAME = re.compile(r"\(\?P<\w+>")
_BRACKET_STARTS = ("[", "(")
_NUMBER_STARTS = tuple("0123456789+-")


def _atomic_words(words: Iterable[str]) -> str:
    """An atomic regex alternation of *words*, longest first: the word the
    grammar's token would take at the same place (以上 before 上)."""
    unique = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return "(?>" + "|".join(re.escape(w) for w in unique) + ")"


def _starts_with_any(words: Iterable[str], starts: Iterable[str]) -> bool:
    """Whether some word of *words* begins with some text of *starts*."""
    prefixes = tuple(s for s in starts if s)
    return bool(prefixes) and any(w.startswith(prefixes) for w in words)


class Reader:
    """Reads cells with one vocabulary; kpi keeps one current reader."""

    def __init__(self, vocabulary: Vocabulary, *, shortcut: bool = True) -> None:
        self.vocabulary = vocabulary
        self.shortcut = shortcut
        """Whether the simple forms are read without the grammar (tests turn
        it off to check that both ways give the same thresholds)."""
        self.grammar = Grammar(vocabulary)
        self._unit_pattern = re.compile(self.grammar.unit_pattern.pattern)
        # An unfilled template is made only of comparators, boundary words,
        # (含)/(不含), units and punctuation: ≧ %, 公里, %以上. Range words and
        # conjunctions are left out, so that 到位 stays a label.
        template_words = {
            *vocabulary.comparators,
            *vocabulary.suffixes,
            *vocabulary.prefixes,
            *vocabulary.closed_marks,
            *vocabulary.open_marks,
            *vocabulary.unit_words(),
        }
        self._template_token = re.compile(
            "|".join(re.escape(w) for w in sorted(template_words, key=len, reverse=True) if w)
            + r"|[\s\W_]"
        )
        self._known = re.compile(
            "|".join(
                re.escape(w)
                for w in sorted(
                    {
                        *vocabulary.suffixes,
                        *vocabulary.and_words,
                        *vocabulary.or_words,
                        *vocabulary.range_separators,
                        *vocabulary.closed_marks,
                        *vocabulary.open_marks,
                    },
                    key=len,
                    reverse=True,
                )
            )
        )
        self.meaning = Meaning(vocabulary, self._unit_pattern)
        self._plain: set[str] = set()
        self._trailing = tuple(w for w in vocabulary.trailing if w)
        self._simple_units: dict[str, Unit] = {}
        self._build_shortcut()
        self.parse = functools.lru_cache(maxsize=_CACHE_SIZE)(self._parse)
        # Values skip the refusals meant for cells only: an actual value of
        # 2023.12 hours is a number, not a deadline.
        self.parse_value = functools.lru_cache(maxsize=_CACHE_SIZE)(
            functools.partial(self._parse, value=True)
        )

    def _build_shortcut(self) -> None:
        """Compile the regular expressions of :meth:`simple` from the
        vocabulary, or leave them None (no shortcut) when the vocabulary has
        words that would make the grammar read a simple form otherwise."""
        v = self.vocabulary
        marks = (*v.closed_marks, *v.open_marks)
        # The grammar tries interval | comparison | range | suffixed | point,
        # and a bound is number [mark] [unit_part] [mark]. The shortcut leaves
        # out marks and multipliers, so it is exact only when no word it reads
        # after a number starts with one, no suffix starts with a range dash
        # (range is tried before suffixed), and no comparator or prefix starts
        # like a bracket, a number or (for a prefix) a comparator.
        clash = (
            _starts_with_any(v.unit_words(), marks)
            or _starts_with_any((*v.range_separators, *v.suffixes), (*marks, *v.multipliers))
            or _starts_with_any(v.suffixes, v.range_separators)
            or _starts_with_any((",", *v.range_separators), v.multipliers)
            or _starts_with_any((*v.comparators, *v.prefixes), (*_BRACKET_STARTS, *_NUMBER_STARTS))
            or _starts_with_any(v.prefixes, v.comparators)
        )
        # unit = the grammar's compound unit pattern, its groups anonymous.
        unit = "(?>" + _GROUP_NAME.sub("(?:", compound_unit_pattern(v)) + ")"
        comparator = _atomic_words(v.comparators)
        prefix = _atomic_words(v.prefixes)
        suffix = _atomic_words(v.suffixes)
        dash = _atomic_words(v.range_separators)
        comma = _atomic_words((",", *v.range_separators))
        infinity = _atomic_words((*v.infinity_positive, *v.infinity_negative))
        self._simple_condition: re.Pattern[str] | None = None
        self._simple_range: re.Pattern[str] | None = None
        self._simple_interval: re.Pattern[str] | None = None
        if clash:
            return
        # comparison, suffixed or point: ≥95%, 不满60%, ≥95%以上, 90%以上,
        # 控制在5%以内, 95%; a comparator or a prefix, a number, a unit, a
        # suffix; no (含)/(不含) and no 万/亿.
        self._simple_condition = re.compile(
            rf"(?:(?P<cmp>{comparator}) ?|(?P<prefix>{prefix}) ?)?+"
            rf"(?P<num>{_SIGNED_NUMBER})(?: ?(?P<unit>{unit}))?+(?: ?(?P<suffix>{suffix}))?+"
        )
        # range: 80-89%, 1-2%, 80%-89%, 75%至89%, 89-80%; two unsigned
        # numbers, each with a unit or none, no marks.
        self._simple_range = re.compile(
            rf"(?P<a>{_NUMBER})(?: ?(?P<ua>{unit}))?+ ?{dash} ?"
            rf"(?P<b>{_NUMBER})(?: ?(?P<ub>{unit}))?+"
        )
        # interval: [3,5), [1, 3), [90%, +∞), (-∞, 0.1‰), [90-100], [3,5)%;
        # each end a number with a unit or none, or an infinity.
        end = rf"(?:(?P<{{0}}inf>{infinity})|(?P<{{0}}>{_SIGNED_NUMBER})(?: ?(?P<u{{0}}>{unit}))?+)"
        self._simple_interval = re.compile(
            rf"(?P<left>[\[(]) ?{end.format('a')} ?{comma} ?{end.format('b')} ?"
            rf"(?P<right>[\])])(?: ?(?P<unit>{unit}))?+"
        )

    # ---------------------------------------------------------------- entry

    def normalize(self, text: str) -> NormalizedText:
        """*text* normalised the way cells and values are."""
        plain = self._plain
        if not plain.issuperset(text):
            plain.update(ch for ch in set(text) if self._is_plain(ch))
        if text and plain.issuperset(text) and not text.endswith(self._trailing):
            # Normalisation would leave every character as it is.
            return NormalizedText(text, text, tuple(range(len(text))))
        return normalize(text, self.vocabulary.fold, self.vocabulary.trailing)

    def _is_plain(self, ch: str) -> bool:
        """Whether :func:`~kpi.normalize.normalize` keeps *ch* as it is
        wherever it stands (except trailing punctuation at the end): not
        combining, not invisible, not space, NFKC-stable and not folded."""
        return (
            not unicodedata.combining(ch)
            and unicodedata.category(ch) != "Cf"
            and not ch.isspace()
            and unicodedata.normalize("NFKC", ch) == ch
            and self.vocabulary.fold.get(ch, ch) == ch
        )

    def _simple_unit(self, word: str | None) -> Unit | None:
        """The unit of a unit token matched by the shortcut (cached)."""
        if not word:
            return None
        found = self._simple_units.get(word)
        if found is None:
            match = self._unit_pattern.fullmatch(word)
            assert match is not None, word
            found = self._simple_units[word] = unit_from_match(match, self.vocabulary)
        return found

    def unit(self, text: str) -> Unit | None:
        """The unit *text* names (``小时``, ``h``, ``元/人·月``), or None."""
        match = self._unit_pattern.fullmatch(self.normalize(text).text)
        return unit_from_match(match, self.vocabulary) if match else None

    def _parse(self, text: str, *, value: bool = False) -> Threshold:
        if not isinstance(text, str):
            raise ArgumentTypeError(f"kpi.parse() takes a str, not {type(text).__name__}")
        if len(text) > MAX_LENGTH:
            # The message shows the start of the cell only.
            raise ThresholdSyntaxError(
                text[:60] + "…",
                f"a cell of {len(text):,} characters is longer than a threshold may be "
                f"({MAX_LENGTH:,} characters)",
                1,
            )
        nt = self.normalize(text)
        cell = Cell(nt)
        s = nt.text
        if s in self.vocabulary.empty_markers:
            return Threshold.empty(text)
        if not _DIGIT.search(s):
            if self.shortcut and not s.startswith(_BRACKET_STARTS):
                # Without a digit only an interval of two infinities reads.
                return self._label(cell, text)
            try:  # the one form without digits: (-∞, +∞)
                return self.meaning.threshold(cell, self.grammar.parse(s), text)
            except pp.ParseBaseException:
                return self._label(cell, text)
        note = _LABEL_NOTE.match(s)
        if (
            note
            and not self.is_template(note["label"])
            and not _COMPARATOR_SYMBOLS.search(note["label"])
        ):
            return Threshold.of_label(note["label"].strip(), note["note"].strip(), text)
        refusals = () if s.startswith(("[", "(")) else self.vocabulary.refusals
        for refusal in refusals:
            if value and refusal.cells_only:
                continue
            found = refusal.pattern.search(s)
            if found:
                cell.fail(refusal.reason, found.start())
        if self.shortcut:
            simple = self.simple(s, text)
            if simple is not None:
                return simple
        try:
            tree: Node | None = self.grammar.parse(s)
        except pp.ParseBaseException:
            tree = None
        if tree is None:
            self._explain(cell)
        self._check_commas(cell, tree)
        return self.meaning.threshold(cell, tree, text)

    def simple(self, s: str, text: str) -> Threshold | None:
        """The threshold of the normalised cell *s* when it has a simple
        form, else None (then the grammar reads it).

        The simple forms are a comparison, a suffixed bound or a point
        (``≥95%``, ``不满60%``, ``90%以上``, ``控制在5%以内``, ``95%``), a range
        of two unsigned numbers (``80-89%``, ``80%-89%``), and an interval
        (``[3,5)``, ``[90%, +∞)``), without (含)/(不含) and without 万/亿.
        The words come from the vocabulary, and the meaning is the grammar's
        (:mod:`kpi.meaning`): a suffix closes its bound, a range is closed
        and read low to high, the unit of one end is the unit of both. A
        text whose reading the grammar would refuse (units that differ, a
        suffix against its comparator, an empty interval) is declined, so
        that the grammar gives the error.
        """
        if self._simple_condition is None:
            return None
        found = self._simple_condition.fullmatch(s)
        if found is not None:
            return self._simple_condition_threshold(found, text)
        found = self._simple_range.fullmatch(s) if self._simple_range else None
        if found is not None:
            ua, ub = found["ua"], found["ub"]
            if ua and ub and self._simple_unit(ua) != self._simple_unit(ub):
                return None  # the grammar says why
            interval = range_interval(
                (to_decimal(found["a"]), CLOSED), (to_decimal(found["b"]), CLOSED)
            )
            return Threshold((interval,), self._simple_unit(ua or ub), text=text)
        found = self._simple_interval.fullmatch(s) if self._simple_interval else None
        if found is not None:
            return self._simple_interval_threshold(found, text)
        return None

    def _simple_condition_threshold(self, found: re.Match[str], text: str) -> Threshold | None:
        number = to_decimal(found["num"])
        unit = self._simple_unit(found["unit"])
        symbol, suffix = found["cmp"], found["suffix"]
        if symbol is not None:
            kind = self.vocabulary.comparators[symbol]
            if suffix is not None and self.vocabulary.suffixes[suffix] != kind:
                return None  # the grammar says why
            return Threshold((Interval.compare(kind, number),), unit, text=text)
        if suffix is not None:
            interval = suffixed_interval(self.vocabulary.suffixes[suffix], number)
            return Threshold((interval,), unit, text=text)
        if found["prefix"] is not None:
            return None  # 控制在 needs a suffix
        return Threshold((Interval.point(number),), unit, text=text)

    def _simple_interval_threshold(self, found: re.Match[str], text: str) -> Threshold | None:
        unit: Unit | None = self._simple_unit(found["unit"])
        ends: list[Decimal | None] = []
        for side, negative in (("a", True), ("b", False)):
            infinity = found[f"{side}inf"]
            if infinity is not None:
                if (infinity in self.vocabulary.infinity_negative) != negative:
                    return None  # the grammar says why
                ends.append(None)
                continue
            end_unit = self._simple_unit(found[f"u{side}"])
            if end_unit is not None:
                if unit is not None and end_unit != unit:
                    return None  # the grammar says why
                unit = end_unit
            ends.append(to_decimal(found[side]))
        left: Bound = CLOSED if found["left"] == "[" else OPEN
        right: Bound = CLOSED if found["right"] == "]" else OPEN
        interval = Interval(ends[0], ends[1], left, right)
        if interval.is_empty:
            return None  # the grammar says why
        return Threshold((interval,), unit, text=text)

    def is_template(self, text: str) -> bool:
        """Whether normalised *text* is an unfilled template (≧ %, 公里)."""
        # Longest word first, left to right: linear, no backtracking.
        pos = 0
        for match in self._template_token.finditer(text):
            if match.start() != pos:
                return False
            pos = match.end()
        return pos == len(text)

    def _label(self, cell: Cell, text: str) -> Threshold:
        s = cell.nt.text
        if self.is_template(s):
            found = _COMPARATOR_SYMBOLS.search(s)
            cell.fail(
                "an unfilled template: comparators and units without a number",
                found.start() if found else 0,
            )
        found = _COMPARATOR_SYMBOLS.search(s)
        if found:
            cell.fail("expected a number", found.end())
        return Threshold.of_label(s, None, text)

    def _explain(self, cell: Cell) -> NoReturn:
        s = cell.nt.text
        index, names = self.grammar.expected(s)
        word = self._unknown_word(s, index) if "a unit" in names else None
        if word is not None:
            cell.fail(
                f"unknown unit {word!r} after a number",
                index,
                "add it with kpi.add_unit() or to grammar/vocabulary.toml",
            )
        cell.fail(f"expected {describe_expected(names)}", index)

    def _check_commas(self, cell: Cell, tree: Node) -> None:
        """A comma between digits that is not a thousands separator is refused:
        ``1,00,000`` would otherwise read as the conditions 1, 00 and 000."""
        s = cell.nt.text
        for conjunction in tree.nodes("all"):
            for token in conjunction.tokens("and"):
                i = token.index
                before = s[:i].rstrip(" ")
                after = s[i + 1 :].lstrip(" ")
                if token.text == "," and before[-1:].isdigit() and after[:1].isdigit():
                    cell.fail(
                        "a comma between digits is a thousands separator only when "
                        "exactly three digits follow it",
                        i,
                    )

    def _unknown_word(self, s: str, index: int) -> str | None:
        """The run of letters at *index* if it reads as a word after a number."""
        if index == 0 or not s[:index].rstrip(" ")[-1:].isdigit():
            return None
        run = _LETTERS.match(s, index)
        if run is None:
            return None
        word = run.group()
        known = self._known.search(word)
        if known:
            word = word[: known.start()]
        end = index + len(word)
        if not word or (end < len(s) and s[end].isdigit()):
            return None
        return word

    # ---------------------------------------------------------------- meaning


_lock = threading.Lock()
# Built once, at import; replaced only when the vocabulary grows.
_reader: Reader = Reader(load_vocabulary())


def current_reader() -> Reader:
    """The reader of the current vocabulary."""
    return _reader


def parse(text: str) -> Threshold:
    """Read one rubric cell into a :class:`~kpi.Threshold`.

    >>> str(parse("≥95%"))
    '[95%, +∞)'
    >>> str(parse("80%(含)-90%"))
    '[80%, 90%)'
    >>> parse("0.01%") == parse("0.01%")
    True

    Raises :class:`~kpi.ThresholdSyntaxError` for any text it cannot read;
    nothing else escapes for a ``str`` argument. Repeated texts are served
    from a bounded cache.
    """
    return current_reader().parse(text)


def use_vocabulary(vocabulary: Vocabulary) -> None:
    """Make *vocabulary* current: rebuild the reader and forget cached parses."""
    global _reader
    with _lock:
        _reader = Reader(vocabulary)
    conversion_factor.cache_clear()
