"""Reading a rubric cell: ``kpi.parse(text) -> Threshold``.

The steps, in order:

1. normalise (NFKC, folds, whitespace, trailing punctuation), remembering
   where each character came from;
2. an empty marker (``—``, ``无``, blank) is the empty threshold;
3. a cell without digits is a label (``圆满完成``), unless it is an unfilled
   template made only of comparators, units and punctuation (``≧ %``);
   a label may carry a note in brackets (``优秀(20分)``);
4. texts the language refuses on purpose (dates, ranks, relative targets)
   are refused with their reason;
5. the grammar (:mod:`kpi.grammar`) reads the rest into a syntax tree, and
   this module gives the tree its meaning.

Every failure is a :class:`~kpi.ThresholdSyntaxError` that names the reason
and the column in the text as given.
"""

from __future__ import annotations

import functools
import itertools
import re
import threading
from decimal import Decimal
from typing import NoReturn

import attrs
import pyparsing as pp

from kpi.errors import ArgumentTypeError, ThresholdSyntaxError, VocabularyError
from kpi.exact import exact_product, to_decimal
from kpi.grammar import Grammar, Node, Token, describe_expected
from kpi.interval import CLOSED, OPEN, Bound, Interval, intersection, union
from kpi.normalize import NormalizedText, normalize
from kpi.threshold import Threshold
from kpi.units import Unit, conversion_factor, unit_from_match
from kpi.vocabulary import UnitEntry, Vocabulary, load_vocabulary

__all__ = ["Reader", "add_count_word", "add_unit", "current_reader", "parse"]

_CACHE_SIZE = 65536
_COMPARATOR_SYMBOLS = re.compile(r"[≥≧≤≦<>=═]")
_DIGIT = re.compile(r"\d")
_LABEL_NOTE = re.compile(r"^(?P<label>[^\d()]+?)\s*\((?P<note>[^()]*\d[^()]*)\)$")
_LETTERS = re.compile(r"[^\W\d_]+")


@attrs.frozen
class _Bound:
    """One end as written: its number, unit, and (含)/(不含) mark if any."""

    number: Decimal
    unit: Unit | None
    mark: Bound | None
    index: int
    unit_index: int
    mark_index: int


class _Cell:
    """One cell being read: the normalised text and how to fail on it."""

    def __init__(self, text: NormalizedText) -> None:
        self.nt = text

    def fail(self, reason: str, index: int, hint: str = "") -> NoReturn:
        raise ThresholdSyntaxError(self.nt.original, reason, self.nt.column(index), hint=hint)


class Reader:
    """Reads cells with one vocabulary; kpi keeps one current reader."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
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
        self.parse = functools.lru_cache(maxsize=_CACHE_SIZE)(self._parse)

    # ---------------------------------------------------------------- entry

    def normalize(self, text: str) -> NormalizedText:
        """*text* normalised the way cells and values are."""
        return normalize(text, self.vocabulary.fold, self.vocabulary.trailing)

    def unit(self, text: str) -> Unit | None:
        """The unit *text* names (``小时``, ``h``, ``元/人·月``), or None."""
        match = self._unit_pattern.fullmatch(self.normalize(text).text)
        return unit_from_match(match, self.vocabulary) if match else None

    def _parse(self, text: str) -> Threshold:
        if not isinstance(text, str):
            raise ArgumentTypeError(f"kpi.parse() takes a str, not {type(text).__name__}")
        nt = self.normalize(text)
        cell = _Cell(nt)
        s = nt.text
        if s in self.vocabulary.empty_markers:
            return Threshold.empty(text)
        if not _DIGIT.search(s):
            try:  # the one form without digits: (-∞, +∞)
                return self._threshold(cell, self.grammar.parse(s), text)
            except pp.ParseBaseException:
                return self._label(cell, text)
        note = _LABEL_NOTE.match(s)
        if (
            note
            and not self.is_template(note["label"])
            and not _COMPARATOR_SYMBOLS.search(note["label"])
        ):
            return Threshold.of_label(note["label"].strip(), note["note"].strip(), text)
        for refusal in () if s.startswith(("[", "(")) else self.vocabulary.refusals:
            found = refusal.pattern.search(s)
            if found:
                cell.fail(refusal.reason, found.start())
        try:
            tree: Node | None = self.grammar.parse(s)
        except pp.ParseBaseException:
            tree = None
        if tree is None:
            self._explain(cell)
        self._check_commas(cell, tree)
        return self._threshold(cell, tree, text)

    def is_template(self, text: str) -> bool:
        """Whether normalised *text* is an unfilled template (≧ %, 公里)."""
        # Longest word first, left to right: linear, no backtracking.
        pos = 0
        for match in self._template_token.finditer(text):
            if match.start() != pos:
                return False
            pos = match.end()
        return pos == len(text)

    def _label(self, cell: _Cell, text: str) -> Threshold:
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

    def _explain(self, cell: _Cell) -> NoReturn:
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

    def _check_commas(self, cell: _Cell, tree: Node) -> None:
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

    def _threshold(self, cell: _Cell, tree: Node, text: str) -> Threshold:
        # threshold = conjunction { or conjunction } end ;
        parts: list[tuple[tuple[Interval, ...], Unit | None, int]] = []
        for conjunction in tree.nodes("all"):
            parts.append(self._conjunction(cell, conjunction))
        unit = self._common_unit(cell, [(u, i) for _, u, i in parts])
        return Threshold(union(iv for ivs, _, _ in parts for iv in ivs), unit, text=text)

    def _conjunction(
        self, cell: _Cell, node: Node
    ) -> tuple[tuple[Interval, ...], Unit | None, int]:
        # conjunction = condition { and condition } ;
        conditions = [c for c in node.children if isinstance(c, Node)]
        read = [self._condition(cell, c) for c in conditions]
        unit = self._common_unit(cell, [(u, i) for _, u, i in read])
        result: tuple[Interval, ...] = (Interval.everything(),)
        for intervals, _, _ in read:
            result = intersection(result, intervals)
        if not result:
            cell.fail(
                "the conditions exclude each other: no value meets all of them",
                _first_index(node),
            )
        return result, unit, read[0][2]

    def _common_unit(self, cell: _Cell, units: list[tuple[Unit | None, int]]) -> Unit | None:
        common: Unit | None = None
        for unit, index in units:
            if unit is None:
                continue
            if common is None:
                common = unit
            elif unit != common:
                cell.fail(
                    f"conditions in different units ({common.word} and {unit.word}) "
                    "cannot be combined; write them in one unit",
                    index,
                )
        return common

    def _condition(self, cell: _Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None, int]:
        reader = getattr(self, f"_{node.kind}")
        intervals, unit = reader(cell, node)
        return intervals, unit, _first_index(node)

    def _bound(self, cell: _Cell, node: Node) -> _Bound:
        # bound = number [ mark ] [ unit_part ] [ mark ] ;
        if node.kind == "point":
            (node,) = node.nodes("bound")
        number_token = node.tokens("number")[0]
        number = to_decimal(number_token.text.replace(",", ""))
        for multiplier in node.tokens("multiplier"):
            number = exact_product(number, Decimal(self.vocabulary.multipliers[multiplier.text]))
        unit_tokens = node.tokens("unit")
        unit = self._unit(unit_tokens[0]) if unit_tokens else None
        marks = node.tokens("mark")
        mark = self._mark(cell, marks)
        return _Bound(
            number,
            unit,
            mark,
            number_token.index,
            unit_tokens[0].index if unit_tokens else number_token.index,
            marks[0].index if marks else number_token.index,
        )

    def _mark(self, cell: _Cell, marks: list[Token]) -> Bound | None:
        bounds = [CLOSED if m.text in self.vocabulary.closed_marks else OPEN for m in marks]
        if len(set(bounds)) > 1:
            cell.fail(f"{marks[0].text} and {marks[1].text} contradict each other", marks[1].index)
        return bounds[0] if bounds else None

    def _unit(self, token: Token) -> Unit:
        match = self._unit_pattern.fullmatch(token.text)
        assert match is not None, token
        return unit_from_match(match, self.vocabulary)

    def _point(self, cell: _Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
        # point = bound ;
        bound = self._bound(cell, node)
        if bound.mark is OPEN:
            cell.fail("a single number marked (不含) contains nothing", bound.index)
        return (Interval.point(bound.number),), bound.unit

    def _comparison(self, cell: _Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
        # comparison = comparator bound [ suffix ] [ mark ] ;
        comparator = node.tokens("comparator")[0]
        kind = self.vocabulary.comparators[comparator.text]
        bound = self._bound(cell, node.nodes("bound")[0])
        for suffix in node.tokens("suffix"):
            if self.vocabulary.suffixes[suffix.text] != kind:
                cell.fail(
                    f"the comparator {comparator.text!r} and {suffix.text!r} contradict each other",
                    suffix.index,
                )
        trailing = node.tokens("mark")
        closed = kind in (">=", "<=", "=")
        for mark, index in (
            (bound.mark, bound.mark_index),
            (self._mark(cell, trailing), trailing[0].index if trailing else 0),
        ):
            if mark is not None and (mark is CLOSED) != closed:
                word = "(含)" if mark is CLOSED else "(不含)"
                cell.fail(
                    f"the comparator {comparator.text!r} and {word} contradict each other",
                    index,
                )
        x = bound.number
        interval = {
            ">=": Interval.at_least(x, CLOSED),
            ">": Interval.at_least(x, OPEN),
            "<=": Interval.at_most(x, CLOSED),
            "<": Interval.at_most(x, OPEN),
            "=": Interval.point(x),
        }[kind]
        return (interval,), bound.unit

    def _suffixed(self, cell: _Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
        # suffixed = [ prefix ] bound suffix [ mark ] ;
        bound = self._bound(cell, node.nodes("bound")[0])
        suffix = node.tokens("suffix")[0]
        trailing = node.tokens("mark")
        mark = self._mark(cell, trailing)
        if bound.mark is not None and mark is not None and mark is not bound.mark:
            cell.fail("(含) and (不含) contradict each other", trailing[0].index)
        if mark is not None:
            closedness = mark
        elif bound.mark is not None:
            closedness = bound.mark
        else:
            closedness = CLOSED
        if self.vocabulary.suffixes[suffix.text] == ">=":
            return (Interval.at_least(bound.number, closedness),), bound.unit
        return (Interval.at_most(bound.number, closedness),), bound.unit

    def _range(self, cell: _Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
        # range = bound dash bound ;
        first, second = (self._bound(cell, p) for p in node.nodes("bound"))
        unit = first.unit or second.unit
        if first.unit is not None and second.unit is not None and first.unit != second.unit:
            cell.fail(
                f"the two ends of a range are in different units "
                f"({first.unit.word} and {second.unit.word})",
                second.unit_index,
            )
        marked = [b for b in (first, second) if b.mark is not None]
        # 80（含）-90: the one end marked (含) is closed, the other open.
        default = OPEN if len(marked) == 1 and marked[0].mark is CLOSED else CLOSED
        ends = [(b.number, b.mark if b.mark is not None else default) for b in (first, second)]
        (lo, lo_bound), (hi, hi_bound) = sorted(ends, key=lambda e: e[0])
        interval = Interval(lo, hi, lo_bound, hi_bound)
        if interval.is_empty:
            cell.fail("the range contains nothing", first.index)
        return (interval,), unit

    def _interval(self, cell: _Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
        # interval = left endpoint comma endpoint right [ unit ] ;
        left = node.tokens("left")[0]
        right = node.tokens("right")[0]
        ends = node.nodes("endpoint")
        trailing = node.tokens("unit")
        unit = self._unit(trailing[0]) if trailing else None
        values: list[Decimal | None] = []
        for side, end in zip(("lower", "upper"), ends, strict=True):
            inf = end.tokens("infinity")
            if inf:
                negative = inf[0].text in self.vocabulary.infinity_negative
                if negative != (side == "lower"):
                    cell.fail(
                        f"the {side} end cannot be {inf[0].text}; "
                        f"write {'-∞' if side == 'lower' else '+∞'}",
                        inf[0].index,
                    )
                values.append(None)
                continue
            bound = self._bound(cell, end)
            if bound.unit is not None:
                if unit is not None and bound.unit != unit:
                    cell.fail(
                        f"the ends of the interval are in different units "
                        f"({unit.word} and {bound.unit.word})",
                        bound.unit_index,
                    )
                unit = bound.unit
            values.append(bound.number)
        interval = Interval(
            values[0],
            values[1],
            CLOSED if left.text == "[" else OPEN,
            CLOSED if right.text == "]" else OPEN,
        )
        if interval.is_empty:
            cell.fail(
                "the interval contains nothing: its lower end is not below its upper end",
                left.index,
            )
        return (interval,), unit


def _first_index(node: Node | Token) -> int:
    while isinstance(node, Node):
        node = node.children[0]
    return node.index


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


def add_unit(word: str, definition: str, *, dimension: str | None = None) -> None:
    """Teach kpi a unit word at run time.

    *definition* is a pint expression over kpi's unit ids (see
    ``grammar/units.txt``), such as ``"500 * gram"`` for 斤::

        kpi.add_unit("斤", "500 * gram", dimension="mass")

    The grammar is rebuilt and the parse cache cleared.
    """
    from kpi import units

    vocabulary = current_reader().vocabulary
    _check_new_word(vocabulary, word)
    if not definition.strip():
        raise VocabularyError(f"cannot add unit {word!r}: its definition is empty")
    uid = f"user_{next(_user_ids)}"
    try:
        units.define(f"{uid} = {definition}")
    except VocabularyError as exc:
        raise VocabularyError(f"cannot add unit {word!r} = {definition!r}: {exc.reason}") from None
    _replace(vocabulary.with_unit(UnitEntry(uid, (word,), uid, dimension or word)))


def add_count_word(word: str) -> None:
    """Teach kpi a counting word (like 次 or 人) at run time."""
    vocabulary = current_reader().vocabulary
    _check_new_word(vocabulary, word)
    _replace(vocabulary.with_unit(UnitEntry(f"count:{word}", (word,), "count", "count", True)))


_user_ids = itertools.count(1)


def _check_new_word(vocabulary: Vocabulary, word: str) -> None:
    """A new unit word must be non-empty, normalised, free of digits, white
    space and punctuation, and not already a word of the language."""
    if not isinstance(word, str) or not word:
        raise VocabularyError(f"a unit word is a non-empty str, not {word!r}")
    normal = normalize(word, vocabulary.fold).text
    if normal != word:
        raise VocabularyError(f"write the unit word {word!r} in its normalised form {normal!r}")
    if _DIGIT.search(word) or not _LETTERS.fullmatch(word.lstrip("/")):
        raise VocabularyError(f"a unit word is made of letters, not {word!r}")
    if word in vocabulary.all_words():
        raise VocabularyError(f"{word!r} is already a word of the threshold language")


def _replace(vocabulary: Vocabulary) -> None:
    global _reader
    with _lock:
        _reader = Reader(vocabulary)
    conversion_factor.cache_clear()
