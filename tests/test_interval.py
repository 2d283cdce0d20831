"""Unit tests of kpi.interval: Bound, Interval and the set operations on tuples of intervals.

The intervals of the tables are written in the canonical notation (``[1, 2)``, ``(-∞, 3]``) and
built by a small reader in this file, so that the tests do not depend on kpi's parser.
"""

from __future__ import annotations

import copy
import pickle
import re
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest

from kpi import Bound, Interval
from kpi.interval import complement, describe_set, difference, intersection, union

CLOSED = Bound.CLOSED
OPEN = Bound.OPEN

Number = Decimal | Fraction

_NOTATION = re.compile(
    r"(?P<left>[\[(])\s*(?P<lower>-∞|[-+\d./]+)\s*,\s*(?P<upper>\+∞|[-+\d./]+)\s*(?P<right>[\])])"
)


def num(text: str) -> Number:
    """``"2000/3"`` as a Fraction, anything else as a Decimal."""
    if "/" in text:
        return Fraction(text)
    return Decimal(text)


def iv(text: str) -> Interval:
    """One interval from its canonical notation: ``[1, 2)``, ``(-∞, 3]``."""
    found = _NOTATION.fullmatch(text.strip())
    assert found is not None, text
    lower = None if found["lower"] == "-∞" else num(found["lower"])
    upper = None if found["upper"] == "+∞" else num(found["upper"])
    return Interval(
        lower,
        upper,
        CLOSED if found["left"] == "[" else OPEN,
        CLOSED if found["right"] == "]" else OPEN,
    )


def ivs(text: str) -> tuple[Interval, ...]:
    """A tuple of intervals from ``[0, 1) | [2, 3]``; ``∅`` is the empty tuple."""
    if text.strip() == "∅":
        return ()
    return tuple(iv(part) for part in text.split("|"))


# ---------------------------------------------------------------- Bound

BOUND_TRUTH_CASES = [
    pytest.param(lambda: bool(Bound.CLOSED), id="bool-closed"),
    pytest.param(lambda: bool(Bound.OPEN), id="bool-open"),
    pytest.param(lambda: not Bound.CLOSED, id="not-closed"),
    pytest.param(lambda: Bound.OPEN or Bound.CLOSED, id="or-open"),
    pytest.param(lambda: 1 if Bound.CLOSED else 0, id="if-closed"),
]


@pytest.mark.parametrize("use", BOUND_TRUTH_CASES)
def test_bound_has_no_truth_value(use: object) -> None:
    assert callable(use)
    with pytest.raises(TypeError) as info:
        use()
    assert str(info.value) == "a Bound has no truth value; compare it with Bound.CLOSED"


BOUND_FLIP_CASES = [
    pytest.param(CLOSED, OPEN, id="closed-to-open"),
    pytest.param(OPEN, CLOSED, id="open-to-closed"),
]


@pytest.mark.parametrize(("bound", "flipped"), BOUND_FLIP_CASES)
def test_bound_flip(bound: Bound, flipped: Bound) -> None:
    assert bound.flip() is flipped
    assert bound.flip().flip() is bound


# ---------------------------------------------------------------- construction

BAD_END_TYPE_CASES = [
    pytest.param(
        (0.5, Decimal(1)),
        "Interval.lower must be a Decimal, a Fraction or None, not float 0.5",
        id="float-lower",
    ),
    pytest.param(
        (Decimal(0), 1.0),
        "Interval.upper must be a Decimal, a Fraction or None, not float 1.0",
        id="float-upper",
    ),
    pytest.param(
        (True, Decimal(1)),
        "Interval.lower must be a Decimal, a Fraction or None, not bool True",
        id="bool-lower",
    ),
    pytest.param(
        (Decimal(0), False),
        "Interval.upper must be a Decimal, a Fraction or None, not bool False",
        id="bool-upper",
    ),
    pytest.param(
        (1, Decimal(2)),
        "Interval.lower must be a Decimal, a Fraction or None, not int 1",
        id="int-lower",
    ),
    pytest.param(
        ("1", Decimal(2)),
        "Interval.lower must be a Decimal, a Fraction or None, not str '1'",
        id="str-lower",
    ),
]


@pytest.mark.parametrize(("ends", "message"), BAD_END_TYPE_CASES)
def test_interval_refuses_ends_that_are_not_exact(
    ends: tuple[object, object], message: str
) -> None:
    with pytest.raises(TypeError) as info:
        Interval(*ends)  # type: ignore[arg-type]
    assert str(info.value) == message


BAD_END_VALUE_CASES = [
    pytest.param(
        (Decimal("Infinity"), None),
        "Interval.lower must be finite (use None for an infinite end), not Decimal('Infinity')",
        id="infinity-lower",
    ),
    pytest.param(
        (None, Decimal("Infinity")),
        "Interval.upper must be finite (use None for an infinite end), not Decimal('Infinity')",
        id="infinity-upper",
    ),
    pytest.param(
        (Decimal("-Infinity"), Decimal(0)),
        "Interval.lower must be finite (use None for an infinite end), not Decimal('-Infinity')",
        id="minus-infinity-lower",
    ),
    pytest.param(
        (Decimal(0), Decimal("NaN")),
        "Interval.upper must be finite (use None for an infinite end), not Decimal('NaN')",
        id="nan-upper",
    ),
]


@pytest.mark.parametrize(("ends", "message"), BAD_END_VALUE_CASES)
def test_interval_refuses_infinite_decimal_ends(
    ends: tuple[Decimal | None, Decimal | None], message: str
) -> None:
    with pytest.raises(ValueError, match="must be finite") as info:
        Interval(*ends)
    assert str(info.value) == message


def test_interval_refuses_a_bound_that_is_not_a_bound() -> None:
    with pytest.raises(TypeError, match="'left' must be <enum 'Bound'>"):
        Interval(Decimal(0), Decimal(1), "closed")  # type: ignore[arg-type]


INFINITE_END_CASES = [
    pytest.param(Interval(None, Decimal(3), CLOSED, CLOSED), OPEN, CLOSED, id="lower-infinite"),
    pytest.param(Interval(Decimal(3), None, CLOSED, CLOSED), CLOSED, OPEN, id="upper-infinite"),
    pytest.param(Interval(None, None, CLOSED, CLOSED), OPEN, OPEN, id="both-infinite"),
    pytest.param(Interval(None, None), OPEN, OPEN, id="defaults"),
    pytest.param(Interval.at_least(Decimal(1)), CLOSED, OPEN, id="at-least"),
    pytest.param(Interval.at_most(Decimal(1), OPEN), OPEN, OPEN, id="at-most-open"),
]


@pytest.mark.parametrize(("interval", "left", "right"), INFINITE_END_CASES)
def test_infinite_ends_are_always_open(interval: Interval, left: Bound, right: Bound) -> None:
    assert interval.left is left
    assert interval.right is right


CONSTRUCTOR_CASES = [
    pytest.param(Interval.point(Decimal(5)), "[5, 5]", id="point"),
    pytest.param(Interval.at_least(Decimal(95)), "[95, +∞)", id="at-least-closed"),
    pytest.param(Interval.at_least(Decimal(95), OPEN), "(95, +∞)", id="at-least-open"),
    pytest.param(Interval.at_most(Decimal(48)), "(-∞, 48]", id="at-most-closed"),
    pytest.param(Interval.at_most(Decimal(48), OPEN), "(-∞, 48)", id="at-most-open"),
    pytest.param(Interval.everything(), "(-∞, +∞)", id="everything"),
    pytest.param(Interval(Decimal(1), Decimal(2)), "[1, 2]", id="default-closed"),
]


@pytest.mark.parametrize(("interval", "text"), CONSTRUCTOR_CASES)
def test_constructors(interval: Interval, text: str) -> None:
    assert str(interval) == text
    assert interval == iv(text)


# ---------------------------------------------------------------- is_empty / is_point

SHAPE_CASES = [
    # interval, is_empty, is_point
    pytest.param(iv("[1, 1]"), False, True, id="closed-point"),
    pytest.param(iv("[1, 1)"), True, False, id="half-open-point-right"),
    pytest.param(iv("(1, 1]"), True, False, id="half-open-point-left"),
    pytest.param(iv("(1, 1)"), True, False, id="open-point"),
    pytest.param(iv("[2, 1]"), True, False, id="reversed"),
    pytest.param(iv("[1, 2]"), False, False, id="closed"),
    pytest.param(iv("(1, 2)"), False, False, id="open"),
    pytest.param(iv("(-∞, 1)"), False, False, id="lower-unbounded"),
    pytest.param(iv("(1, +∞)"), False, False, id="upper-unbounded"),
    pytest.param(iv("(-∞, +∞)"), False, False, id="everything"),
    pytest.param(iv("[2000/3, 2000/3]"), False, True, id="fraction-point"),
    pytest.param(Interval(Decimal("1.0"), Decimal(1)), False, True, id="equal-decimals"),
    pytest.param(Interval(Decimal("0.5"), Fraction(1, 2)), False, True, id="decimal-and-fraction"),
]


@pytest.mark.parametrize(("interval", "empty", "point"), SHAPE_CASES)
def test_is_empty_and_is_point(interval: Interval, empty: bool, point: bool) -> None:
    assert interval.is_empty is empty
    assert interval.is_point is point


# ---------------------------------------------------------------- contains

# For each closedness of [1, 2]: the values inside and outside.
CONTAINS_CASES = [
    pytest.param("[1, 2]", {"1", "1.5", "2"}, {"0.999", "2.001"}, id="closed"),
    pytest.param("[1, 2)", {"1", "1.5", "1.9999"}, {"0.999", "2", "3"}, id="closed-open"),
    pytest.param("(1, 2]", {"1.0001", "1.5", "2"}, {"1", "2.001"}, id="open-closed"),
    pytest.param("(1, 2)", {"1.0001", "1.5", "1.9999"}, {"1", "2"}, id="open"),
    pytest.param("[1, 1]", {"1", "1.000"}, {"0.9999", "1.0001"}, id="point"),
    pytest.param("(1, 1)", set(), {"1", "0", "2"}, id="empty"),
    pytest.param("[95, +∞)", {"95", "95.0", "1E+9"}, {"94.99999"}, id="at-least"),
    pytest.param("(95, +∞)", {"95.00001", "1000"}, {"95", "94"}, id="more-than"),
    pytest.param("(-∞, 48]", {"48", "-1E+9", "0"}, {"48.0001"}, id="at-most"),
    pytest.param("(-∞, 48)", {"47.9999", "-48"}, {"48", "48.0"}, id="less-than"),
    pytest.param("(-∞, +∞)", {"0", "-1E+20", "1E+20"}, set(), id="everything"),
    pytest.param("[-1.4, -0.8]", {"-1.4", "-1", "-0.8"}, {"-1.41", "-0.79"}, id="negative"),
    pytest.param(
        "[2000/3, 1000)", {"2000/3", "667", "999.999"}, {"666.666", "1000"}, id="fraction-end"
    ),
]


@pytest.mark.parametrize(("text", "inside", "outside"), CONTAINS_CASES)
def test_contains_follows_closedness(text: str, inside: set[str], outside: set[str]) -> None:
    interval = iv(text)
    for value in sorted(inside):
        assert interval.contains(num(value)), value
        assert num(value) in interval, value
    for value in sorted(outside):
        assert not interval.contains(num(value)), value
        assert num(value) not in interval, value


def test_contains_compares_fractions_and_decimals_exactly() -> None:
    third = Interval(Fraction(1, 3), None)
    assert Fraction(1, 3) in third
    assert Decimal("0.3333333333333333333333333333") not in third
    assert Decimal("0.3333333333333333333333333334") in third


# ---------------------------------------------------------------- describe

DESCRIBE_CASES = [
    pytest.param(iv("[95, +∞)"), "%", "[95%, +∞)", id="at-least-percent"),
    pytest.param(iv("(-∞, 48)"), "小时", "(-∞, 48小时)", id="less-than-hours"),
    pytest.param(iv("[3, 5)"), "", "[3, 5)", id="no-unit"),
    pytest.param(iv("(0, 1]"), "", "(0, 1]", id="open-closed"),
    pytest.param(iv("(-∞, +∞)"), "%", "(-∞, +∞)", id="everything-has-no-unit-shown"),
    pytest.param(iv("[-1.4, -0.8]"), "", "[-1.4, -0.8]", id="negative"),
    pytest.param(iv("[0.1, 0.1]"), "‰", "[0.1‰, 0.1‰]", id="point-permille"),
    pytest.param(
        Interval(Decimal("1E+3"), Decimal("2.50")), "", "[1000, 2.5]", id="exponent-zeros"
    ),
    pytest.param(Interval(Decimal("-0"), Decimal("0.000")), "", "[0, 0]", id="zeros"),
    pytest.param(Interval(Decimal("25000.0"), None), "人", "[25000人, +∞)", id="wan-trailing-zero"),
    pytest.param(
        Interval(Decimal("0.0000001"), Decimal("12345678901234567890.123")),
        "",
        "[0.0000001, 12345678901234567890.123]",
        id="every-digit",
    ),
    pytest.param(Interval(Fraction(2000, 3), None), "平方米", "[2000/3平方米, +∞)", id="fraction"),
    pytest.param(
        Interval(Fraction(1, 4), Fraction(5, 2)), "", "[0.25, 2.5]", id="decimal-fraction"
    ),
]


@pytest.mark.parametrize(("interval", "unit", "text"), DESCRIBE_CASES)
def test_describe(interval: Interval, unit: str, text: str) -> None:
    assert interval.describe(unit) == text


def test_str_is_describe_without_unit() -> None:
    assert str(iv("[80, 90)")) == "[80, 90)" == iv("[80, 90)").describe()


# ---------------------------------------------------------------- set operations

UNION_CASES = [
    pytest.param([], "∅", id="nothing"),
    pytest.param(["[1, 2]"], "[1, 2]", id="one"),
    pytest.param(["[1, 1)"], "∅", id="empty-dropped"),
    pytest.param(["[3, 4]", "[1, 2]"], "[1, 2] | [3, 4]", id="sorted"),
    pytest.param(["[1, 3]", "[2, 4]"], "[1, 4]", id="overlapping"),
    pytest.param(["[1, 4]", "[2, 3)"], "[1, 4]", id="nested"),
    pytest.param(["[0, 1)", "[1, 2]"], "[0, 2]", id="adjoining-open-closed"),
    pytest.param(["[0, 1]", "(1, 2]"], "[0, 2]", id="adjoining-closed-open"),
    pytest.param(["[0, 1)", "(1, 2]"], "[0, 1) | (1, 2]", id="hole-at-one"),
    pytest.param(["(0, 1)", "[1, 1]", "(1, 2)"], "(0, 2)", id="point-fills-hole"),
    pytest.param(["[0, 1)", "[0, 1]"], "[0, 1]", id="same-upper-closed-wins"),
    pytest.param(["(0, 1]", "[0, 1]"], "[0, 1]", id="same-lower-closed-wins"),
    pytest.param(["(-∞, 60)", "[60, 80)"], "(-∞, 80)", id="unbounded-below"),
    pytest.param(["[90, +∞)", "[80, 90)"], "[80, +∞)", id="unbounded-above"),
    pytest.param(["(-∞, 14)", "(28, +∞)"], "(-∞, 14) | (28, +∞)", id="two-tails"),
    pytest.param(["(-∞, 1]", "[0, +∞)"], "(-∞, +∞)", id="whole-line"),
    pytest.param(["[2000/3, 700]", "[600, 2000/3)"], "[600, 700]", id="fractions"),
]


@pytest.mark.parametrize(("parts", "expected"), UNION_CASES)
def test_union(parts: list[str], expected: str) -> None:
    result = union(iv(p) for p in parts)
    assert result == ivs(expected)
    assert describe_set(result) == expected


INTERSECTION_CASES = [
    pytest.param("[0, 10]", "[10, +∞)", "[10, 10]", id="touching-closed"),
    pytest.param("[0, 10)", "[10, +∞)", "∅", id="touching-open"),
    pytest.param("[0, 10]", "(10, +∞)", "∅", id="touching-open-other"),
    pytest.param("[80, +∞)", "(-∞, 90)", "[80, 90)", id="comparators-and"),
    pytest.param("(1, 5]", "[1, 5)", "(1, 5)", id="same-ends-open-wins"),
    pytest.param("[1, 2] | [3, 4]", "[1.5, 3.5]", "[1.5, 2] | [3, 3.5]", id="set-and-interval"),
    pytest.param("[1, 2] | [3, 4]", "∅", "∅", id="with-empty"),
    pytest.param("(-∞, +∞)", "[3, 5)", "[3, 5)", id="with-everything"),
    pytest.param("[0, 1]", "[2, 3]", "∅", id="disjoint"),
]


@pytest.mark.parametrize(("a", "b", "expected"), INTERSECTION_CASES)
def test_intersection(a: str, b: str, expected: str) -> None:
    assert describe_set(intersection(ivs(a), ivs(b))) == expected
    assert describe_set(intersection(ivs(b), ivs(a))) == expected


COMPLEMENT_CASES = [
    pytest.param("∅", "(-∞, +∞)", id="of-nothing"),
    pytest.param("(-∞, +∞)", "∅", id="of-everything"),
    pytest.param("[1, 2]", "(-∞, 1) | (2, +∞)", id="closed"),
    pytest.param("(1, 2)", "(-∞, 1] | [2, +∞)", id="open"),
    pytest.param("[1, 1]", "(-∞, 1) | (1, +∞)", id="point"),
    pytest.param("[95, +∞)", "(-∞, 95)", id="at-least"),
    pytest.param("(-∞, 48)", "[48, +∞)", id="less-than"),
    pytest.param("[0, 1) | (1, 2]", "(-∞, 0) | [1, 1] | (2, +∞)", id="hole"),
    pytest.param("(-∞, 14) | (28, +∞)", "[14, 28]", id="two-tails"),
]


@pytest.mark.parametrize(("a", "expected"), COMPLEMENT_CASES)
def test_complement(a: str, expected: str) -> None:
    assert describe_set(complement(ivs(a))) == expected
    assert complement(complement(ivs(a))) == ivs(a)


DIFFERENCE_CASES = [
    pytest.param("[0, 10]", "(3, 5)", "[0, 3] | [5, 10]", id="open-hole"),
    pytest.param("[0, 10]", "[3, 5]", "[0, 3) | (5, 10]", id="closed-hole"),
    pytest.param("[0, 10]", "[0, 10]", "∅", id="itself"),
    pytest.param("[0, 10]", "∅", "[0, 10]", id="nothing-removed"),
    pytest.param("[60, 79]", "[90, +∞) | [80, 89]", "[60, 79]", id="disjoint-better-tiers"),
    pytest.param("[80, +∞)", "[90, +∞)", "[80, 90)", id="cumulative-tier"),
    pytest.param("(-∞, 60]", "[60, 79]", "(-∞, 60)", id="overlap-at-sixty"),
    pytest.param("[85, 85]", "[85, 85]", "∅", id="unreachable-point"),
    pytest.param("(-∞, 0.2)", "(-∞, 0.1)", "[0.1, 0.2)", id="lower-is-better"),
]


@pytest.mark.parametrize(("a", "b", "expected"), DIFFERENCE_CASES)
def test_difference(a: str, b: str, expected: str) -> None:
    assert describe_set(difference(ivs(a), ivs(b))) == expected


DESCRIBE_SET_CASES = [
    pytest.param((), "", "∅", id="empty"),
    pytest.param((), "%", "∅", id="empty-with-unit"),
    pytest.param(ivs("[0, 1) | [2, 3]"), "", "[0, 1) | [2, 3]", id="two"),
    pytest.param(ivs("(-∞, 14) | (28, +∞)"), "岁", "(-∞, 14岁) | (28岁, +∞)", id="unit"),
]


@pytest.mark.parametrize(("intervals", "unit", "text"), DESCRIBE_SET_CASES)
def test_describe_set(intervals: tuple[Interval, ...], unit: str, text: str) -> None:
    assert describe_set(intervals, unit) == text


# ---------------------------------------------------------------- value semantics

VALUE_CASES = [
    pytest.param(iv("[1, 2)"), id="closed-open"),
    pytest.param(iv("(-∞, 48)"), id="unbounded"),
    pytest.param(iv("(-∞, +∞)"), id="everything"),
    pytest.param(iv("[2000/3, 2000/3]"), id="fraction"),
    pytest.param(iv("(1, 1)"), id="empty"),
]


@pytest.mark.parametrize("interval", VALUE_CASES)
def test_interval_is_frozen(interval: Interval) -> None:
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        interval.lower = Decimal(0)  # type: ignore[misc]


@pytest.mark.parametrize("interval", VALUE_CASES)
def test_interval_is_hashable_and_equal_to_a_copy(interval: Interval) -> None:
    twin = copy.deepcopy(interval)
    assert twin == interval
    assert hash(twin) == hash(interval)
    assert len({interval, twin}) == 1


@pytest.mark.parametrize("interval", VALUE_CASES)
def test_interval_pickles(interval: Interval) -> None:
    back = pickle.loads(pickle.dumps(interval))
    assert back == interval
    assert hash(back) == hash(interval)
    assert back.left is interval.left
    assert back.right is interval.right


EQUAL_NUMBER_CASES = [
    pytest.param(
        Interval(Decimal("1.0"), Decimal("2.00")), Interval(Decimal(1), Decimal(2)), id="zeros"
    ),
    pytest.param(
        Interval(Decimal("0.5"), None), Interval(Fraction(1, 2), None), id="decimal-fraction"
    ),
]


@pytest.mark.parametrize(("a", "b"), EQUAL_NUMBER_CASES)
def test_equal_numbers_make_equal_intervals(a: Interval, b: Interval) -> None:
    assert a == b
    assert hash(a) == hash(b)


def test_closedness_takes_part_in_equality() -> None:
    assert iv("[1, 2]") != iv("[1, 2)")
    assert iv("[1, 2]") != iv("(1, 2]")


@pytest.mark.parametrize("bound", [CLOSED, OPEN], ids=["closed", "open"])
def test_bound_pickles_to_itself(bound: Bound) -> None:
    assert pickle.loads(pickle.dumps(bound)) is bound


def test_map_scales_exactly() -> None:
    mapped = iv("[3, 6)").map(Fraction(2000, 3))
    assert mapped == Interval(Fraction(2000), Fraction(4000), CLOSED, OPEN)
    assert iv("(-∞, 0.1)").map(Fraction(10)) == iv("(-∞, 1)")


@pytest.mark.parametrize("factor", [Fraction(0), Fraction(-1)], ids=["zero", "negative"])
def test_map_refuses_a_factor_that_is_not_positive(factor: Fraction) -> None:
    with pytest.raises(ValueError, match="positive") as info:
        iv("[1, 2]").map(factor)
    assert str(info.value) == f"a unit factor must be positive, not {factor}"
