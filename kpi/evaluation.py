"""Grading one value: ``kpi.grade`` and ``kpi.evaluate``.

>>> import kpi
>>> ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
>>> str(kpi.grade(ind, "89.5%"))
'良'
>>> kpi.evaluate(ind, "89.5%").basis
<Basis.GAP: 'gap'>
"""

from __future__ import annotations

import bisect
import math
import re
from decimal import Decimal
from fractions import Fraction

import attrs

from kpi.errors import GapError, LabelError, UngradableError, UnitMismatchError
from kpi.exact import exact_value, float_to_decimal, format_number, to_fraction
from kpi.grades import ScaleGrade
from kpi.indicator import Indicator, as_policy
from kpi.interval import describe_set
from kpi.policy import Basis, Decision, Direction, GapPolicy, Piece
from kpi.units import Unit, conversion_factor
from kpi.values import Label, Measurement, ValueLike, read_value

__all__ = [
    "Evaluation",
    "evaluate",
    "fast_grade",
    "grade",
    "in_indicator_unit",
    "percent_warnings",
]

# A bare value of at most this, against percent tiers that all start at
# PERCENT_FLOOR or more, was probably meant as a fraction (0.95 for 95%).
_FRACTION_CEILING = Fraction(1)
_PERCENT_FLOOR = Fraction(50)


@attrs.frozen
class Evaluation:
    """The grade of one value and the reason for it."""

    indicator: str
    given: str
    """The value as passed, as text."""
    value: Measurement | Label
    """The value as read, in the indicator's unit."""
    grade: ScaleGrade
    basis: Basis
    reason: str
    warnings: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.indicator}: {self.given} -> {self.grade} ({self.reason})"


def grade(
    indicator: Indicator, value: ValueLike, *, gap: GapPolicy | str | None = None
) -> ScaleGrade:
    """The grade of *value* on *indicator*; see :func:`evaluate`.

    Numbers and plain texts such as ``"96.5%"`` take the compiled fast path
    (:mod:`kpi.compiled`: a binary search, and an exact comparison next to
    an edge); everything else, and every value that gets no grade, goes
    through :func:`evaluate`, which gives the same grade or says why not.
    """
    fast = indicator.fast(gap)
    if type(value) is float and fast.numeric and -math.inf < value < math.inf:
        # grade_float, inlined: this is the hot path
        highs = fast.highs
        i = bisect.bisect_left(highs, value)
        if i == len(highs) or value < fast.lows[i]:
            found = fast.between[i]
        else:
            found = fast.grade_exact(Fraction(float_to_decimal(value)))
    else:
        found = fast_grade(indicator, value, gap)
    if found is not None:
        return found
    return evaluate(indicator, value, gap=gap).grade


# A plain number with the indicator's unit or none: the texts the fast path
# reads itself (anything else is read by the threshold language).
_PLAIN = re.compile(r"([0-9]+(?:\.[0-9]+)?)([^0-9]*)")
_FLOAT_DIGITS = 15  # a decimal of at most 15 digits survives a float round trip


def fast_grade(
    indicator: Indicator, value: object, gap: GapPolicy | str | None = None
) -> ScaleGrade | None:
    """The grade of *value* by the compiled path, or None when that path
    does not apply (then :func:`evaluate` decides, or says why it cannot)."""
    fast = indicator.fast(gap)
    if not fast.numeric:
        return None
    kind = type(value)
    if kind is str:
        assert isinstance(value, str)
        found = _PLAIN.fullmatch(value)
        if found is None:
            return None
        number, unit = found.groups()
        if unit and (indicator.unit is None or unit != indicator.unit.word):
            return None
        if len(number) <= _FLOAT_DIGITS or len(number.replace(".", "").lstrip("0")) <= (
            _FLOAT_DIGITS
        ):
            return fast.grade_float(float(number))
        return fast.grade_exact(Fraction(Decimal(number)))
    if kind is float:
        assert isinstance(value, float)
        return fast.grade_float(value) if math.isfinite(value) else None
    if kind is int:
        assert isinstance(value, int)
        return fast.grade_int(value)
    if kind is Fraction:
        assert isinstance(value, Fraction)
        return fast.grade_exact(value)
    if kind is Decimal:
        assert isinstance(value, Decimal)
        return fast.grade_exact(Fraction(value)) if value.is_finite() else None
    return None


def evaluate(
    indicator: Indicator, value: ValueLike, *, gap: GapPolicy | str | None = None
) -> Evaluation:
    """Grade *value* on *indicator* and say why.

    *value* is a number (a bare number is read in the indicator's unit), a
    text with a unit (``"2天"``, converted exactly), or a label for a
    qualitative indicator. *gap* overrides the indicator's gap policy.

    Raises :class:`~kpi.UngradableError` when every tier is empty,
    :class:`~kpi.GapError` for a value in no tier under ``gap="error"``,
    :class:`~kpi.UnitMismatchError`, :class:`~kpi.LabelError`,
    :class:`~kpi.ValueReadError` or :class:`~kpi.ValueTypeError` for values
    that do not fit.
    """
    policy = indicator.gap if gap is None else as_policy(gap)
    read = read_value(value)
    given = value if isinstance(value, str) else str(read)
    if not indicator.is_gradable:
        raise UngradableError(
            f"indicator {indicator.name!r} has no thresholds: every tier is empty, "
            "so no grade can be given"
        )
    if indicator.is_qualitative:
        return _evaluate_label(indicator, given, read)
    if isinstance(read, Label):
        raise LabelError(
            f"indicator {indicator.name!r} holds numbers; expected a number, "
            f"found the label {read.text!r}"
        )
    x, shown = in_indicator_unit(indicator, read)
    decision = indicator.decision(x, policy)
    unit = indicator.unit.word if indicator.unit else ""
    if decision.grade is None:
        raise GapError(
            f"{shown} of indicator {indicator.name!r} is in no tier: "
            f"{_where(decision, unit)} (gap policy 'error')"
        )
    return Evaluation(
        indicator.name,
        given,
        Measurement(exact_value(x), indicator.unit),
        decision.grade,
        decision.basis,
        _reason(indicator, shown, decision, policy, unit),
        percent_warnings(indicator, read, x),
    )


def in_indicator_unit(indicator: Indicator, read: Measurement) -> tuple[Fraction, str]:
    """*read* as an exact number in the indicator's unit, and as shown in reasons."""
    return in_unit(read, indicator.unit, indicator.name)


def in_unit(read: Measurement, unit: Unit | None, name: str) -> tuple[Fraction, str]:
    """*read* as an exact number in *unit* (that of the indicator *name*,
    which errors name), and as shown in reasons."""
    x = to_fraction(read.number)
    if read.unit is None:
        shown = str(read)
        if unit is not None:
            shown += f" (read as {format_number(x)}{unit.word})"
        return x, shown
    if unit is None:
        raise UnitMismatchError(
            f"indicator {name!r} has no unit; expected a bare number, found {read}"
        )
    if read.unit == unit:
        return x, str(read)
    try:
        x *= conversion_factor(read.unit.pint, unit.pint)
    except UnitMismatchError:
        raise UnitMismatchError(
            f"value {read} is in {read.unit.word} ({read.unit.dimension}), which does not "
            f"convert to {unit.word} ({unit.dimension}), the unit of indicator {name!r}"
        ) from None
    return x, f"{read} (= {format_number(x)}{unit.word})"


def _tier_text(indicator: Indicator, grade: ScaleGrade, unit: str) -> str:
    return f"{grade} {describe_set(indicator.tier(grade).intervals, unit)}"


def _piece_text(piece: Piece, unit: str) -> str:
    return f"{piece.grade} {piece.interval.describe(unit)}"


def _where(decision: Decision, unit: str) -> str:
    if decision.below is not None and decision.above is not None:
        return (
            f"it lies between {_piece_text(decision.below, unit)} "
            f"and {_piece_text(decision.above, unit)}"
        )
    if decision.below is not None:
        return f"it lies above every tier, the highest being {_piece_text(decision.below, unit)}"
    assert decision.above is not None
    return f"it lies below every tier, the lowest being {_piece_text(decision.above, unit)}"


def _reason(
    indicator: Indicator, shown: str, decision: Decision, policy: GapPolicy, unit: str
) -> str:
    grade = decision.grade
    assert grade is not None
    if decision.basis is Basis.TIER:
        nested = [g.name for g in decision.matched[1:]]
        if nested:
            worse = (
                f"the worse tier {nested[0]} contains"
                if len(nested) == 1
                else f"the worse tiers {', '.join(nested[:-1])} and {nested[-1]} contain"
            )
            return (
                f"{shown} is in {_tier_text(indicator, grade, unit)}, the best tier that "
                f"contains it ({worse} all of {grade} too)."
            )
        tail = "" if grade is indicator.scale.best() else " and in no better tier"
        return f"{shown} is in {_tier_text(indicator, grade, unit)}{tail}."
    if decision.basis is Basis.OVERLAP:
        others = " and ".join(_tier_text(indicator, g, unit) for g in decision.overlapping)
        return (
            f"{shown} is in {_tier_text(indicator, grade, unit)} and also in {others}, "
            f"which overlap; tiers are tried from best to worst, so the better tier, "
            f"{grade}, wins."
        )
    where = _where(decision, unit)
    if decision.basis is Basis.GAP:
        if policy is GapPolicy.NEAREST:
            rule = "gives the closer of the two (a tie goes to the worse)"
        else:
            rule = "gives the worse of the two"
        return f"{shown} is in no tier: {where}; gap policy '{policy}' {rule}, {grade}."
    direction = indicator.direction
    if policy is GapPolicy.NEAREST:
        rule = f"gap policy 'nearest' gives the tier next to it, {grade}"
    elif decision.worse_side:
        rule = (
            f"that is the worse side of a {direction} indicator, and gap policy "
            f"'worse' gives the worst grade of the scale, {grade}"
        )
    elif direction in (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER):
        rule = (
            f"that is the better side of a {direction} indicator, "
            f"so it gets the tier next to it, {grade}"
        )
    else:
        rule = (
            f"the indicator's tiers have {_direction_words(direction)}, "
            f"so it gets the tier next to it, {grade}"
        )
    return f"{shown} is in no tier: {where}; {rule}."


def _direction_words(direction: Direction) -> str:
    if direction is Direction.TARGET_BAND:
        return "the shape of a target band"
    return "no direction"


def percent_warnings(indicator: Indicator, read: Measurement, x: Fraction) -> tuple[str, ...]:
    """A warning when a bare value such as 0.95 was probably meant as 95%."""
    unit = indicator.unit
    if read.unit is not None or unit is None or unit.word != "%":
        return ()
    if not 0 < x <= _FRACTION_CEILING:
        return ()
    cells = [t for _, t in indicator.thresholds]
    if not indicator.is_tiered and indicator.target is not None:
        cells, where = [indicator.target], "the target"
    else:
        where = "every tier"
    ends = [
        to_fraction(v)
        for t in cells
        for iv in t.intervals
        for v in (iv.lower, iv.upper)
        if v is not None
    ]
    if ends and min(ends) >= _PERCENT_FLOOR:
        return (
            f"the bare value {read} was read as {read}%, far below {where}; "
            f"if {format_number(x * 100)}% was meant, pass '{format_number(x * 100)}%'",
        )
    return ()


def _evaluate_label(indicator: Indicator, given: str, read: Measurement | Label) -> Evaluation:
    labels = [(g, t.label) for g, t in indicator.thresholds if t.label is not None]
    allowed = ", ".join(f"{label} ({g})" for g, label in labels)
    grades = "/".join(g.name for g in indicator.scale)
    if not isinstance(read, Label):
        raise LabelError(
            f"indicator {indicator.name!r} is qualitative; expected one of {allowed} "
            f"or a grade {grades}, found the number {read}"
        )
    for g, label in labels:
        if read.text == label:
            return Evaluation(
                indicator.name, given, read, g, Basis.LABEL, f"{read.text!r} is the label of {g}."
            )
    if read.text in indicator.scale.__members__:
        g = indicator.scale.from_label(read.text)
        return Evaluation(
            indicator.name, given, read, g, Basis.LABEL, f"{read.text!r} names the grade {g}."
        )
    raise LabelError(
        f"{read.text!r} is not a label of indicator {indicator.name!r}; "
        f"expected one of {allowed} or a grade {grades}"
    )
