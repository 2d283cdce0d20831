"""Reading a rubric cell: ``kpi.parse(text) -> Threshold``.

The steps, in order:

1. normalise (NFKC, folds, whitespace, trailing punctuation), remembering
   where each character came from;
2. an empty marker (``—``, ``无``, blank) is the empty threshold;
3. a cell without digits is a label (``圆满完成``), unless it is an unfilled
   template made only of comparators, boundary words, units and punctuation
   (``≧ %``);
   a label may carry a note in brackets (``优秀(20分)``);
4. texts the language refuses on purpose (dates, ranks, relative targets)
   are refused with their reason;
5. the grammar (:mod:`kpi.grammar`) reads the rest into a syntax tree, and
   :mod:`kpi.meaning` gives the tree its meaning. The commonest forms
   (``≥95%``, ``95%``, ``[3,5)``) are first tried by one regular expression
   that builds the same threshold directly (:meth:`Reader.simple`); the
   grammar reads everything else, and every text the shortcut declines.

Every failure is a :class:`~kpi.ThresholdSyntaxError` that names the reason
and the column in the text as given.
"""

from __future__ import annotations

import functools
import re
import threading
from typing import NoReturn

import pyparsing as pp

from kpi.errors import ArgumentTypeError, ThresholdSyntaxError
from kpi.exact import to_decimal
from kpi.grammar import Grammar, Node, describe_expected
from kpi.interval import CLOSED, OPEN, Interval
from kpi.meaning import Cell, Meaning
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

# The simple forms, read without the grammar: a comparator or nothing, one
# number (no leading zero, no exponent, no separator) and % or ‰ or nothing;
# or a bracketed interval of two such numbers, both with the same unit or
# both without. Anything else goes to the grammar.
_NUMBER = r"(?:0|[1-9][0-9]*)(?:\.[0-9]+)?"
_SIMPLE_COMPARISON = re.compile(rf"(?P<cmp>>=|<=|[≥≤><=])?(?P<num>{_NUMBER})(?P<unit>[%‰]?)")
_SIMPLE_INTERVAL = re.compile(
    rf"(?P<left>[\[(])(?P<a>{_NUMBER})(?P<ua>[%‰]?),(?P<b>{_NUMBER})(?P<ub>[%‰]?)(?P<right>[\])])"
)


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
        self._simple_units = {"": None, "%": self.unit("%"), "‰": self.unit("‰")}
        self.parse = functools.lru_cache(maxsize=_CACHE_SIZE)(self._parse)
        # Values skip the refusals meant for cells only: an actual value of
        # 2023.12 hours is a number, not a deadline.
        self.parse_value = functools.lru_cache(maxsize=_CACHE_SIZE)(
            functools.partial(self._parse, value=True)
        )

    # ---------------------------------------------------------------- entry

    def normalize(self, text: str) -> NormalizedText:
        """*text* normalised the way cells and values are."""
        return normalize(text, self.vocabulary.fold, self.vocabulary.trailing)

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
        form, else None (then the grammar reads it)."""
        found = _SIMPLE_COMPARISON.fullmatch(s)
        if found is not None:
            number = to_decimal(found["num"])
            symbol = found["cmp"]
            interval = (
                Interval.point(number)
                if symbol is None
                else Interval.compare(self.vocabulary.comparators[symbol], number)
            )
            return Threshold((interval,), self._simple_units[found["unit"]], text=text)
        found = _SIMPLE_INTERVAL.fullmatch(s)
        if found is None or found["ua"] != found["ub"]:
            return None
        low, high = to_decimal(found["a"]), to_decimal(found["b"])
        interval = Interval(
            low,
            high,
            CLOSED if found["left"] == "[" else OPEN,
            CLOSED if found["right"] == "]" else OPEN,
        )
        if low > high or interval.is_empty:
            return None  # the grammar says why
        return Threshold((interval,), self._simple_units[found["ua"]], text=text)

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
