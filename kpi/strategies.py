"""Hypothesis strategies for property tests of rubrics and of kpi itself.

This module needs the optional extra ``kpi[strategies]`` (hypothesis)::

    pip install 'kpi[strategies]'

Every strategy draws exact values: Decimal bounds as a cell would write them,
and Fraction values where an edge is not a finite decimal. The vocabulary is
read when a strategy is built, so units added with :func:`kpi.add_unit`
before that are drawn too.

Example, a property of one's own rubric::

    from hypothesis import given
    import kpi
    from kpi import strategies as ks

    IND = kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"])

    @given(ks.values_at_edges(IND), ks.values_at_edges(IND))
    def test_more_is_never_worse(a, b):
        a, b = sorted((a, b))
        assert kpi.grade(IND, a) <= kpi.grade(IND, b)
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction

from kpi.errors import MissingExtraError
from kpi.exact import exact_product, format_number, to_fraction
from kpi.grades import Grade, ScaleGrade
from kpi.indicator import Indicator
from kpi.interval import CLOSED, OPEN, Bound, Interval, union
from kpi.parser import current_reader
from kpi.policy import Direction, GapPolicy
from kpi.threshold import Threshold
from kpi.units import Unit

try:
    from hypothesis import strategies as st
except ImportError:  # pragma: no cover - exercised without the extra
    raise MissingExtraError(
        "kpi.strategies needs hypothesis: pip install 'kpi[strategies]'"
    ) from None

__all__ = [
    "COMPOUND_UNITS",
    "indicators",
    "intervals",
    "numbers",
    "threshold_cases",
    "threshold_texts",
    "thresholds",
    "unit_words",
    "values_at_edges",
]

Number = Decimal | Fraction

COMPOUND_UNITS: tuple[str, ...] = ("元/人·月", "次/30秒", "元/户", "元/亩", "元/公斤")
"""Compound units drawn besides the single words of the vocabulary."""

# Characters that may stand for each ASCII character of a cell: NFKC folds the
# full-width forms (and ㎡, ﹦, －, ～) back to what the grammar reads.
_WIDE: dict[str, tuple[str, ...]] = {
    **{chr(c): (chr(c), chr(c + 0xFEE0)) for c in range(0x21, 0x7F)},
    "-": ("-", "－", "−", "﹣"),
    "=": ("=", "＝", "﹦"),
    "~": ("~", "～"),
}
# Chinese characters a label may be made of (those in no word of the
# vocabulary are kept when a strategy is built).
_LABEL_CHARS = (
    "圆满完成较好基本未达标优秀良合格显著明确有效充分按规范准确稳定信号畅通齐全健全落实整改"
)
_NOTE_UNITS = ("分", "%", "次", "")


# ------------------------------------------------------------------ numbers


def _canonical(value: Decimal) -> Decimal:
    return value if value else Decimal(0)


_YEAR_AND_MONTH = re.compile(r"(?:19|20)\d{2}\.(?:0[1-9]|1[0-2])")


def numbers(
    *,
    min_value: Decimal | int | str = -1_000_000,
    max_value: Decimal | int | str = 1_000_000,
    places: int = 4,
) -> st.SearchStrategy[Decimal]:
    """Finite Decimals in ``[min_value, max_value]`` with at most *places*
    digits after the point: the numbers a cell writes and the canonical
    notation writes back exactly (no exponent, no ``-0``). Numbers that a
    cell would read as a year and month (``2023.12``) are left out.

    Example::

        @given(ks.numbers(min_value=0, max_value=100, places=1))
        def test_percent(x): ...
    """
    lo, hi = Decimal(min_value), Decimal(max_value)
    if lo > hi:
        raise ValueError(f"min_value {lo} is above max_value {hi}")
    return (
        st.integers(0, places)
        .flatmap(lambda p: st.decimals(lo, hi, places=p, allow_nan=False, allow_infinity=False))
        .map(_canonical)
        .filter(_not_year_and_month)
    )


def _not_year_and_month(x: Decimal) -> bool:
    return _YEAR_AND_MONTH.fullmatch(format(x, "f")) is None


def _bounds() -> st.SearchStrategy[Bound]:
    return st.sampled_from([CLOSED, OPEN])


@st.composite
def _interval(draw: st.DrawFn, values: st.SearchStrategy[Number], unbounded: bool) -> Interval:
    a, b = draw(values), draw(values)
    lower: Number | None = min(a, b)
    upper: Number | None = max(a, b)
    if unbounded and draw(st.integers(0, 3)) == 0:
        lower = None
    if unbounded and draw(st.integers(0, 3)) == 0:
        upper = None
    if lower is not None and lower == upper:
        return Interval.point(lower)
    return Interval(lower, upper, draw(_bounds()), draw(_bounds()))


def intervals(
    values: st.SearchStrategy[Decimal] | None = None,
    *,
    unbounded: bool = True,
    fractions: bool = False,
) -> st.SearchStrategy[Interval]:
    """Non-empty :class:`~kpi.Interval` objects with ends drawn from *values*
    (:func:`numbers` by default), each end open or closed at random; with
    *unbounded*, ends may be infinite; with *fractions*, ends may also be
    Fractions that are no finite decimal (such as 2000/3).

    Example::

        @given(ks.intervals())
        def test_contains_its_ends(iv): ...
    """
    drawn: st.SearchStrategy[Number] = numbers() if values is None else values
    if fractions:
        drawn = st.one_of(drawn, st.fractions(min_value=-1000, max_value=1000, max_denominator=12))
    return _interval(drawn, unbounded)


# ------------------------------------------------------------------ units


def unit_words(*, compound: bool = True) -> tuple[str, ...]:
    """The display word of every unit of the current vocabulary (``%``,
    ``小时``, ``次``, ...), and with *compound* a few compound units.

    Example::

        @given(st.sampled_from(ks.unit_words()))
        def test_unit(word): ...
    """
    vocabulary = current_reader().vocabulary
    words = tuple(dict.fromkeys(entry.words[0] for entry in vocabulary.units))
    return words + COMPOUND_UNITS if compound else words


def _unit(word: str) -> Unit:
    unit = current_reader().unit(word)
    if unit is None:
        raise ValueError(f"{word!r} is not a unit of the current vocabulary")
    return unit


def _units() -> st.SearchStrategy[Unit | None]:
    known = [_unit(w) for w in unit_words()]
    return st.one_of(st.none(), st.sampled_from(known))


# ------------------------------------------------------------------ thresholds


def _vocabulary_chars() -> set[str]:
    vocabulary = current_reader().vocabulary
    words = (
        *vocabulary.all_words(),
        *vocabulary.empty_markers,
        *vocabulary.fold,
        *vocabulary.fold.values(),
        *vocabulary.infinity_positive,
        *vocabulary.infinity_negative,
    )
    return set("".join(words))


def _labels() -> st.SearchStrategy[tuple[str, str | None]]:
    used = _vocabulary_chars()
    alphabet = sorted(set(_LABEL_CHARS) - used)
    label = st.text(st.sampled_from(alphabet), min_size=1, max_size=6)
    note = st.tuples(st.integers(0, 100), st.sampled_from(_NOTE_UNITS)).map(
        lambda p: f"{p[0]}{p[1]}"
    )
    return st.tuples(label, st.one_of(st.none(), note))


@st.composite
def _numeric_threshold(
    draw: st.DrawFn, units: bool, values: st.SearchStrategy[Decimal]
) -> Threshold:
    parts = draw(st.lists(intervals(values), min_size=1, max_size=3))
    unit = draw(_units()) if units else None
    return Threshold(union(parts), unit)


def thresholds(
    *,
    units: bool = True,
    labels: bool = False,
    empty: bool = False,
    values: st.SearchStrategy[Decimal] | None = None,
) -> st.SearchStrategy[Threshold]:
    """:class:`~kpi.Threshold` objects built directly (not parsed): unions
    of one to three intervals with Decimal ends from *values*
    (:func:`numbers` by default), in a unit of the vocabulary or none (with
    *units*); with *labels*, also labels such as ``圆满完成`` or ``优秀(20分)``;
    with *empty*, also the empty threshold ``—``.

    Example::

        @given(ks.thresholds(labels=True, empty=True))
        def test_round_trip(t):
            assert kpi.parse(str(t)) == t
    """
    drawn = numbers() if values is None else values
    options: list[st.SearchStrategy[Threshold]] = [_numeric_threshold(units, drawn)]
    if labels:
        options.append(_labels().map(lambda p: Threshold.of_label(p[0], p[1])))
    if empty:
        options.append(st.just(Threshold.empty()))
    return st.one_of(options)


# ------------------------------------------------------------------ texts


class _Words:
    """The spellings of each word class, read from the current vocabulary."""

    def __init__(self) -> None:
        v = current_reader().vocabulary
        self.comparators: dict[str, list[str]] = {}
        for word, kind in v.comparators.items():
            self.comparators.setdefault(kind, []).append(word)
        self.suffixes: dict[str, list[str]] = {}
        for word, kind in v.suffixes.items():
            self.suffixes.setdefault(kind, []).append(word)
        self.prefixes = list(v.prefixes)
        self.closed_marks = list(v.closed_marks)
        self.open_marks = list(v.open_marks)
        self.dashes = list(v.range_separators)
        self.and_words = [*v.and_words, "，", "；"]
        self.or_words = list(v.or_words)
        self.plus_infinity = list(v.infinity_positive)
        self.minus_infinity = [*v.infinity_negative, "−∞"]
        self.multipliers = {w: Decimal(m) for w, m in v.multipliers.items()}
        self.trailing = [*v.trailing, "；"]
        # spellings of each unit, by display word
        self.spellings: dict[str, list[str]] = {}
        for entry in v.units:
            self.spellings.setdefault(entry.words[0], list(entry.words))
        for word in COMPOUND_UNITS:
            self.spellings[word] = [word]
        self.spellings["平方米"] = [*self.spellings.get("平方米", ["平方米"]), "㎡"]
        self.unit_starts = [w for w in v.unit_words() if w[:1] in self.multipliers]


@st.composite
def _number_text(draw: st.DrawFn, value: Decimal, *, separators: bool) -> str:
    """One spelling of *value*: trailing zeros, a sign, thousands separators."""
    text = format_number(value)
    sign = ""
    if text.startswith("-"):
        sign, text = draw(st.sampled_from(["-", "−"])), text[1:]
    elif draw(st.integers(0, 5)) == 0:
        sign = "+"
    whole, _, fraction = text.partition(".")
    zeros = "0" * draw(st.integers(0, 2))
    if fraction or zeros:
        fraction = "." + fraction + zeros
    if separators and len(whole) > 3 and draw(st.booleans()):
        whole = f"{int(whole):,}"
    return sign + whole + fraction


def _scaled(words: _Words, value: Decimal, multiplier: str) -> Decimal:
    return exact_product(value, words.multipliers[multiplier]) if multiplier else value


class _Cell:
    """Tokens of a cell being drawn, and its meaning."""

    def __init__(self, draw: st.DrawFn, words: _Words, unit: str | None) -> None:
        self.draw = draw
        self.words = words
        self.unit = unit  # display word, or None

    def spell_unit(self) -> str:
        if self.unit is None:
            return ""
        return self.draw(st.sampled_from(self.words.spellings[self.unit]))

    def bound(
        self,
        value: Decimal,
        *,
        unit: bool,
        mark: str = "",
        separators: bool = True,
        multiplier: bool = True,
    ) -> tuple[list[str], Decimal]:
        """The tokens of one bound (number, mark, multiplier, unit) and its value."""
        draw = self.draw
        unit_text = self.spell_unit() if unit else ""
        factor = ""
        if multiplier and draw(st.integers(0, 5)) == 0:
            factor = draw(st.sampled_from(sorted(self.words.multipliers)))
            # 万 before 元 would read as the unit 万元: no multiplier then
            if any((factor + unit_text).startswith(w) for w in self.words.unit_starts):
                factor = ""
        number = draw(_number_text(value, separators=separators))
        tokens = [number]
        mark_first = bool(mark) and draw(st.booleans())
        if mark_first:
            tokens.append(mark)
        tokens += [t for t in (factor, unit_text) if t]
        if mark and not mark_first:
            tokens.append(mark)
        return tokens, _scaled(self.words, value, factor)


def _join(draw: st.DrawFn, tokens: Sequence[str]) -> str:
    out = tokens[0]
    for token in tokens[1:]:
        out += draw(st.sampled_from(["", "", " "])) + token
    return out


def _comparison(
    cell: _Cell, value: Decimal, kind: str, *, multiplier: bool = True
) -> tuple[list[str], Interval]:
    draw, w = cell.draw, cell.words
    comparator = draw(st.sampled_from(w.comparators[kind]))
    closed = kind in (">=", "<=", "=")
    mark = ""
    if draw(st.integers(0, 4)) == 0:
        mark = draw(st.sampled_from(w.closed_marks if closed else w.open_marks))
    tokens, x = cell.bound(value, unit=True, mark=mark, multiplier=multiplier)
    tokens = [comparator, *tokens]
    if kind in w.suffixes and draw(st.integers(0, 3)) == 0:
        tokens.append(draw(st.sampled_from(w.suffixes[kind])))
    return tokens, Interval.compare(kind, x)


def _suffixed(cell: _Cell, value: Decimal) -> tuple[list[str], Interval]:
    draw, w = cell.draw, cell.words
    kind = draw(st.sampled_from(sorted(w.suffixes)))
    suffix = draw(st.sampled_from(w.suffixes[kind]))
    bound = draw(st.sampled_from([CLOSED, CLOSED, OPEN]))
    mark = ""
    if bound is OPEN or draw(st.integers(0, 3)) == 0:
        mark = draw(st.sampled_from(w.closed_marks if bound is CLOSED else w.open_marks))
    where = draw(st.sampled_from(["bound", "end"])) if mark else "bound"
    tokens, x = cell.bound(value, unit=True, mark=mark if where == "bound" else "")
    if kind == "<=" and draw(st.integers(0, 3)) == 0:
        tokens = [draw(st.sampled_from(w.prefixes)), *tokens]
    tokens.append(suffix)
    if where == "end":
        tokens.append(mark)
    if kind == ">=":
        return tokens, Interval.at_least(x, bound)
    return tokens, Interval.at_most(x, bound)


def _range(cell: _Cell, a: Decimal, b: Decimal) -> tuple[list[str], Interval]:
    """``a-b`` for a < b, in either order, with (含)/(不含) on no, one or both ends."""
    draw, w = cell.draw, cell.words
    lo_mark: Bound | None = None
    hi_mark: Bound | None = None
    style = draw(st.integers(0, 5))
    if style == 1:
        lo_mark = CLOSED
    elif style == 2:
        hi_mark = CLOSED
    elif style == 3:
        lo_mark, hi_mark = draw(_bounds()), draw(_bounds())
    elif style == 4:
        lo_mark = OPEN
    if style in (1, 2):
        # 80（含）-90: one end marked (含), the other end is open
        lo_bound = CLOSED if lo_mark is CLOSED else OPEN
        hi_bound = CLOSED if hi_mark is CLOSED else OPEN
    else:
        lo_bound = CLOSED if lo_mark is None else lo_mark
        hi_bound = CLOSED if hi_mark is None else hi_mark

    def mark_text(mark: Bound | None) -> str:
        if mark is None:
            return ""
        return draw(st.sampled_from(w.closed_marks if mark is CLOSED else w.open_marks))

    ends = [(a, mark_text(lo_mark)), (b, mark_text(hi_mark))]
    if draw(st.booleans()):
        ends.reverse()  # a descending range: 100分~90分
    where = draw(st.sampled_from(["second", "first", "both"])) if cell.unit else "second"
    first, _ = cell.bound(ends[0][0], unit=where != "second", mark=ends[0][1], multiplier=False)
    second, _ = cell.bound(ends[1][0], unit=where != "first", mark=ends[1][1], multiplier=False)
    dash = draw(st.sampled_from(w.dashes))
    return [*first, dash, *second], Interval(a, b, lo_bound, hi_bound)


def _bracket(
    cell: _Cell, lower: Decimal | None, upper: Decimal | None
) -> tuple[list[str], Interval]:
    draw, w = cell.draw, cell.words
    left, right = draw(_bounds()), draw(_bounds())
    if lower is not None and lower == upper:
        left = right = CLOSED
    interval = Interval(lower, upper, left, right)
    where = draw(st.sampled_from(["inside", "after", "lower"])) if cell.unit else "none"

    def end(value: Decimal | None, infinities: list[str], unit: bool) -> list[str]:
        if value is None:
            return [draw(st.sampled_from(infinities))]
        tokens, _ = cell.bound(value, unit=unit, separators=False, multiplier=False)
        return tokens

    tokens = [
        "[" if left is CLOSED else "(",
        *end(lower, w.minus_infinity, where in ("inside", "lower")),
        draw(st.sampled_from([",", ",", "，", *w.dashes])),
        *end(upper, w.plus_infinity, where == "inside"),
        "]" if right is CLOSED else ")",
    ]
    if where == "after" or (where == "lower" and lower is None):
        tokens.append(cell.spell_unit())
    return tokens, interval


def _wide(draw: st.DrawFn, text: str) -> str:
    return "".join(draw(st.sampled_from(_WIDE.get(ch, (ch,)))) for ch in text)


@st.composite
def _case(
    draw: st.DrawFn, words: _Words, values: st.SearchStrategy[Decimal], units: bool, wide: bool
) -> tuple[str, Threshold]:
    unit = draw(st.sampled_from(sorted(words.spellings))) if units and draw(st.booleans()) else None
    cell = _Cell(draw, words, unit)
    form = draw(st.sampled_from(["comparator", "suffix", "range", "bracket", "bare", "and", "or"]))
    tokens: list[str]
    parts: list[Interval]
    if form == "comparator":
        kind = draw(st.sampled_from(sorted(words.comparators)))
        tokens, interval = _comparison(cell, draw(values), kind)
        parts = [interval]
    elif form == "suffix":
        tokens, interval = _suffixed(cell, draw(values))
        parts = [interval]
    elif form == "range":
        a, b = sorted(draw(st.lists(values, min_size=2, max_size=2, unique=True)))
        tokens, interval = _range(cell, a, b)
        parts = [interval]
    elif form == "bracket":
        a, b = sorted((draw(values), draw(values)))
        ends = draw(st.sampled_from(["both", "both", "lower", "upper"]))
        tokens, interval = _bracket(
            cell, a if ends in ("both", "lower") else None, b if ends in ("both", "upper") else None
        )
        parts = [interval]
    elif form == "bare":
        tokens, x = cell.bound(draw(values), unit=True)
        parts = [Interval.point(x)]
    elif form == "and":
        # ≥80%且<90%: the intersection
        a, b = sorted(draw(st.lists(values, min_size=2, max_size=2, unique=True)))
        low, first = _comparison(cell, a, draw(st.sampled_from([">=", ">"])), multiplier=False)
        high, second = _comparison(cell, b, draw(st.sampled_from(["<=", "<"])), multiplier=False)
        tokens = [*low, draw(st.sampled_from(words.and_words)), *high]
        parts = [Interval(first.lower, second.upper, first.left, second.right)]
    else:
        # ≤5%|≥10%: the union
        a, b = sorted(draw(st.lists(values, min_size=2, max_size=2, unique=True)))
        low, first = _comparison(cell, a, draw(st.sampled_from(["<=", "<"])), multiplier=False)
        high, second = _comparison(cell, b, draw(st.sampled_from([">=", ">"])), multiplier=False)
        tokens = [*low, draw(st.sampled_from(words.or_words)), *high]
        parts = [first, second]
    text = _join(draw, tokens)
    if draw(st.integers(0, 4)) == 0:
        text += draw(st.sampled_from(words.trailing))
    if wide and draw(st.booleans()):
        text = _wide(draw, text)
    return text, Threshold(union(parts), None if unit is None else _unit(unit))


def _readable(case: tuple[str, Threshold]) -> bool:
    """False for the few drawn texts that look like a date (2019年, 2019.5-...),
    which the language refuses on purpose."""
    reader = current_reader()
    text = reader.normalize(case[0]).text
    return not any(r.pattern.search(text) for r in reader.vocabulary.refusals)


def threshold_cases(
    *, units: bool = True, full_width: bool = True
) -> st.SearchStrategy[tuple[str, Threshold]]:
    """Pairs of a cell text in the threshold language and the threshold it
    means by the rules of the language: comparators (``≥95%``, ``不低于90``),
    suffixes (``90%以上``, ``控制在5%以内``, ``60%以下(不含)``), ranges
    (``80-89%``, ``100分~90分``, ``80%(含)-90%``), brackets (``[3,5)``,
    ``(-∞, 48小时)``), bare values (``2.5万人``, ``10,000元``), and compound
    conditions (``≥80%且<90%``, ``≤5%|≥10%``), with units and their spellings,
    whitespace, a trailing ``。`` and, with *full_width*, full-width forms.

    Example::

        @given(ks.threshold_cases())
        def test_meaning(case):
            text, meaning = case
            assert kpi.parse(text) == meaning
    """
    values = numbers(min_value=-100_000, max_value=100_000, places=3)
    return _case(_Words(), values, units, full_width).filter(_readable)


def threshold_texts(*, units: bool = True, full_width: bool = True) -> st.SearchStrategy[str]:
    """Cell texts that kpi must read: the texts of :func:`threshold_cases`.

    Example::

        @given(ks.threshold_texts())
        def test_round_trip(text):
            t = kpi.parse(text)
            assert kpi.parse(str(t)) == t
    """
    return threshold_cases(units=units, full_width=full_width).map(lambda case: case[0])


# ------------------------------------------------------------------ indicators


def _cells(
    direction: Direction, segments: list[Interval], unit: Unit | None, empty: list[bool]
) -> list[Threshold]:
    """The cells best first, given the tier regions from low values to high."""
    ordered = segments[::-1] if direction is Direction.HIGHER_IS_BETTER else segments
    return [
        Threshold.empty() if hollow else Threshold((iv,), unit)
        for iv, hollow in zip(ordered, empty, strict=True)
    ]


@st.composite
def _indicator(
    draw: st.DrawFn,
    direction: Direction | None,
    unit: str | None,
    cuts: st.SearchStrategy[Decimal],
    empty_tiers: bool,
    scale: type[ScaleGrade],
) -> Indicator:
    chosen = direction or draw(
        st.sampled_from([Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER])
    )
    n = len(scale.grades())
    q = sorted(draw(st.lists(cuts, min_size=2 * n, max_size=2 * n, unique=True)))
    higher = chosen is Direction.HIGHER_IS_BETTER
    segments: list[Interval] = []
    if draw(st.booleans()):
        # banded: one interval per tier, side by side, maybe with gaps
        lows: list[Decimal | None] = [None if draw(st.booleans()) else q[0]]
        highs: list[Decimal | None] = []
        for j in range(n - 1):
            gap = draw(st.booleans())
            highs.append(q[2 * j + 1])
            lows.append(q[2 * j + 2] if gap else q[2 * j + 1])
        highs.append(None if draw(st.booleans()) else q[-1])
        for lo, hi in zip(lows, highs, strict=True):
            segments.append(Interval(lo, hi, draw(_bounds()), draw(_bounds())))
    else:
        # cumulative: ≥c1, ≥c2, ... (or ≤c1, ≤c2, ...), the last tier the rest
        points = [q[2 * j + 1] for j in range(n - 1)]
        if higher:
            # regions from low to high: (-∞, c1), then [c1, +∞), [c2, +∞), ...
            segments.append(Interval.at_most(points[0], draw(_bounds())))
            segments += [Interval.at_least(c, draw(_bounds())) for c in points]
        else:
            segments += [Interval.at_most(c, draw(_bounds())) for c in points]
            segments.append(Interval.at_least(points[-1], draw(_bounds())))
    empty = [False] * n
    if empty_tiers:
        hollow = draw(st.sets(st.integers(0, n - 1), max_size=n - 2))
        empty = [i in hollow for i in range(n)]
    resolved = None if unit is None else _unit(unit)
    cells = _cells(chosen, segments, resolved, empty)
    name = "指标" if unit is None else f"指标（{unit}）"
    return Indicator(name, cells, scale=scale)


def indicators(
    *,
    direction: Direction | None = None,
    unit: str | None = None,
    cuts: st.SearchStrategy[Decimal] | None = None,
    empty_tiers: bool = True,
    scale: type[ScaleGrade] = Grade,
) -> st.SearchStrategy[Indicator]:
    """Monotone indicators on *scale* (优/良/中/差 by default): higher-is-better
    or lower-is-better (or the given *direction*), built from random sorted
    cut points (drawn from *cuts*, :func:`numbers` by default) with random
    closedness. Tiers are either bands side by side, with or without gaps
    (``[90, +∞) | [80, 89] | ...``), or cumulative (``≥90 | ≥80 | ≥60 | <60``);
    with *empty_tiers*, some tiers (never more than all but two) are empty.
    Tiers are in *unit* (a unit word such as ``"%"``) or unitless. Grading
    is monotone in the value on every such indicator.

    Example::

        @given(ks.indicators(direction=kpi.Direction.HIGHER_IS_BETTER, unit="%"))
        def test_direction(ind):
            assert ind.direction is kpi.Direction.HIGHER_IS_BETTER
    """
    if direction not in (None, Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
        raise ValueError(f"indicators() draws monotone indicators, not {direction}")
    drawn = numbers(min_value=-10_000, max_value=10_000, places=2) if cuts is None else cuts
    return _indicator(direction, unit, drawn, empty_tiers, scale)


# ------------------------------------------------------------------ values


def _epsilons(half: Fraction) -> st.SearchStrategy[Fraction]:
    """Small positive steps, at most *half*: binary fractions of it, and
    powers of ten (so decimal edges stay decimal)."""
    return st.one_of(
        st.integers(0, 60).map(lambda k: half / 2**k),
        st.integers(0, 15).map(lambda k: min(half, Fraction(1, 10**k))),
    )


def values_at_edges(
    indicator: Indicator, gap: GapPolicy | str | None = None
) -> st.SearchStrategy[Fraction]:
    """Exact values (Fractions, in the indicator's unit) exactly at, just
    below and just above every edge of :meth:`Indicator.edges` for the gap
    policy *gap*, and values between edges and beyond the outermost ones.

    Example::

        @given(ks.values_at_edges(IND))
        def test_never_error(x):
            kpi.grade(IND, x)
    """
    points = sorted({edge.value for edge in indicator.edges(gap)})
    if not points:
        return numbers().map(to_fraction)
    spacing = min((b - a for a, b in itertools.pairwise(points)), default=Fraction(1))
    half = spacing / 2
    at = st.sampled_from(points)
    eps = _epsilons(half)
    below = st.tuples(at, eps).map(lambda p: p[0] - p[1])
    above = st.tuples(at, eps).map(lambda p: p[0] + p[1])
    width = max(abs(points[-1] - points[0]), Fraction(1))

    def between(choice: tuple[int, int, int]) -> Fraction:
        i, j, k = choice
        step = Fraction(j, 2**16)
        if i == 0:
            return points[0] - width * step * (1 << k)
        if i == len(points):
            return points[-1] + width * step * (1 << k)
        return points[i - 1] + (points[i] - points[i - 1]) * step

    inside = st.tuples(
        st.integers(0, len(points)), st.integers(1, 2**16 - 1), st.integers(0, 8)
    ).map(between)
    return st.one_of(at, below, above, inside)
