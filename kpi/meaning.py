"""What a syntax tree of the threshold language means.

:mod:`kpi.grammar` reads a cell into a tree; :class:`Meaning` turns the tree
into a :class:`~kpi.Threshold`, applying the rules of the meaning section of
``grammar/threshold.ebnf``: comparators and boundary words (民法典 第1259条),
(含)/(不含), ranges, brackets, conjunctions and units. A rule that cannot be
met (a comparator contradicted by its suffix, a range in two units, conditions
that exclude each other) is a :class:`~kpi.ThresholdSyntaxError` pointing at
the token that broke it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NoReturn

import attrs

from kpi.errors import ThresholdSyntaxError
from kpi.exact import exact_product, to_decimal
from kpi.grammar import Node, Token
from kpi.interval import CLOSED, OPEN, Bound, Interval, intersection, union
from kpi.normalize import NormalizedText
from kpi.threshold import Threshold
from kpi.units import Unit, unit_from_match
from kpi.vocabulary import Vocabulary

__all__ = ["Cell", "Meaning", "range_interval", "suffixed_interval"]


def suffixed_interval(kind: str, number: Decimal, closedness: Bound = CLOSED) -> Interval:
    """A number with a boundary word after it: *kind* ``">="`` (以上) gives
    the numbers from it up, any other (以下, 以内) those up to it; the
    number itself is included (民法典 第1259条) unless (不含) says otherwise.

    >>> str(suffixed_interval(">=", Decimal(90))), str(suffixed_interval("<=", Decimal(60)))
    ('[90, +∞)', '(-∞, 60]')
    """
    if kind == ">=":
        return Interval.at_least(number, closedness)
    return Interval.at_most(number, closedness)


def range_interval(first: tuple[Decimal, Bound], second: tuple[Decimal, Bound]) -> Interval:
    """The range between two ends, each a number and whether it is
    included, read from low to high whichever comes first (``100分~90分``).

    >>> str(range_interval((Decimal(89), CLOSED), (Decimal(80), CLOSED)))
    '[80, 89]'
    """
    (low, low_bound), (high, high_bound) = sorted((first, second), key=lambda end: end[0])
    return Interval(low, high, low_bound, high_bound)


@attrs.frozen
class _Bound:
    """One end as written: its number, unit, and (含)/(不含) mark if any."""

    number: Decimal
    unit: Unit | None
    mark: Bound | None
    index: int
    unit_index: int
    mark_index: int


class Cell:
    """One cell being read: its normalised text, and how to fail on it with
    a column in the text as written."""

    def __init__(self, text: NormalizedText) -> None:
        self.nt = text

    def fail(self, reason: str, index: int, hint: str = "") -> NoReturn:
        raise ThresholdSyntaxError(self.nt.original, reason, self.nt.column(index), hint=hint)


class Meaning:
    """Gives syntax trees their meaning, with the words of one vocabulary."""

    def __init__(self, vocabulary: Vocabulary, unit_pattern: re.Pattern[str]) -> None:
        self.vocabulary = vocabulary
        self.unit_pattern = unit_pattern

    def threshold(self, cell: Cell, tree: Node, text: str) -> Threshold:
        """The threshold the syntax tree of *cell* means."""
        # threshold = conjunction { or conjunction } end ;
        parts: list[tuple[tuple[Interval, ...], Unit | None, int]] = []
        for conjunction in tree.nodes("all"):
            parts.append(self._conjunction(cell, conjunction))
        unit = self._common_unit(cell, [(u, i) for _, u, i in parts])
        return Threshold(union(iv for ivs, _, _ in parts for iv in ivs), unit, text=text)

    def _conjunction(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None, int]:
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

    def _common_unit(self, cell: Cell, units: list[tuple[Unit | None, int]]) -> Unit | None:
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

    def _condition(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None, int]:
        reader = getattr(self, f"_{node.kind}")
        intervals, unit = reader(cell, node)
        return intervals, unit, _first_index(node)

    def _bound(self, cell: Cell, node: Node) -> _Bound:
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

    def _mark(self, cell: Cell, marks: list[Token]) -> Bound | None:
        bounds = [CLOSED if m.text in self.vocabulary.closed_marks else OPEN for m in marks]
        if len(set(bounds)) > 1:
            cell.fail(f"{marks[0].text} and {marks[1].text} contradict each other", marks[1].index)
        return bounds[0] if bounds else None

    def _unit(self, token: Token) -> Unit:
        match = self.unit_pattern.fullmatch(token.text)
        assert match is not None, token
        return unit_from_match(match, self.vocabulary)

    def _point(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
        # point = bound ;
        bound = self._bound(cell, node)
        if bound.mark is OPEN:
            cell.fail("a single number marked (不含) contains nothing", bound.index)
        return (Interval.point(bound.number),), bound.unit

    def _comparison(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
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
        return (Interval.compare(kind, bound.number),), bound.unit

    def _suffixed(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
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
        kind = self.vocabulary.suffixes[suffix.text]
        return (suffixed_interval(kind, bound.number, closedness),), bound.unit

    def _range(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
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
        interval = range_interval(
            *((b.number, b.mark if b.mark is not None else default) for b in (first, second))
        )
        if interval.is_empty:
            cell.fail("the range contains nothing", first.index)
        return (interval,), unit

    def _interval(self, cell: Cell, node: Node) -> tuple[tuple[Interval, ...], Unit | None]:
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
