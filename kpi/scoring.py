"""Scoring one indicator: the points it earns out of its weight, exactly.

Single-target indicators (one 年度指标值 such as ``≥95%``, ``≤10天`` or
``=100%``) are scored against the actual value by the rules of
self-evaluation forms; qualitative levels (达成 / 部分达成 / 未达成) and the
grades of tiered indicators (优 / 良 / 中 / 差) earn a fraction of the weight;
the total is graded on the national bands of 财预〔2020〕10号, written in the
threshold language itself (:mod:`kpi.national`). Every number is an exact Decimal or Fraction;
only :meth:`Score.rounded` and the reason sentences round, to 2 decimals.

>>> from decimal import Decimal
>>> import kpi
>>> from kpi.scoring import score_target
>>> s = score_target(kpi.parse("≥95%"), Decimal("94.5"), Decimal(10))
>>> s.points
Fraction(189, 19)
>>> s.rounded()
Decimal('9.95')
>>> s.reason
'94.5% is below the target ≥95%: 10 × 94.5 / 95 ≈ 9.95 of 10 points.'

The rules, T the target, R the actual value, w the weight:

* ``HIGHER_PROPORTIONAL`` (正向指标, target ``≥T``): w if R meets the target,
  else w × R / T. Source: the notes of provincial self-evaluation forms
  (自评表), as cited in the project's domain reference, section 3.
* ``LOWER_RATIO`` (反向指标, target ``≤T``, the default): w if R meets the
  target, else w × T / R. Same source.
* ``LOWER_LINEAR`` (反向指标): w if R meets the target, else
  w × (1 − (R − T) / T), which is 0 at R = 2T and beyond. Source: a deployed
  provincial system, as cited in the same section.
* ``EQUAL`` (target ``=T``): with T = 0, w if R ≤ 0, else 0; with T > 0, as
  ``HIGHER_PROPORTIONAL``. Same section.
* ``QUALITATIVE``: w × the fraction of the level (达成 1, 部分达成 0.8, 未达成
  0.6 by default; the central rule's ranges are 100–80%, 80–50%, 50–0%).
* ``TIERED``: w × the fraction of the grade (优 1.0, 良 0.8, 中 0.6, 差 0 by
  default). No national mapping exists; this is a configurable project
  decision (domain reference, section 4).

Edge cases, decided here and tested:

* Exactly at a closed target (``≥T``, ``≤T``, a bare ``T``) counts as met. An
  open target (``>T``, ``<T``) is met only beyond T; at R = T the target is
  not met (``Score.met`` is False) but the rule's formula gives w there, so the
  points are the full weight: the formulas are continuous at T.
* The score is clamped to [0, w]: over-achievement never earns more than w
  (the 偏离度 deduction of 财预〔2021〕101号 for a target set too low is not
  applied), and a negative actual on a higher-is-better target scores 0.
* The proportional rules divide by T (or by R ≥ T); they are defined only for
  T > 0. With T ≤ 0, a met target scores w and a missed one 0, and the reason
  says so. No rule ever divides by zero.
* An actual of 0 (or below) meets any lower-is-better target ``≤T`` with
  T ≥ 0, so it scores w.
* An equal-to target below 0 is refused (the rule is defined for T ≥ 0 only).
"""

from __future__ import annotations

import functools
import itertools
import math
import unicodedata
from decimal import Decimal
from fractions import Fraction

import attrs

from kpi.errors import (
    ArgumentTypeError,
    IndicatorError,
    LabelError,
    ThresholdSyntaxError,
    ValueReadError,
    ValueTypeError,
)
from kpi.exact import (
    exact_value,
    float_to_decimal,
    format_number,
    round_half_away,
    shown_number,
    to_fraction,
)
from kpi.grades import ScaleGrade
from kpi.interval import Interval
from kpi.parser import parse
from kpi.target import DirectionLike, Reading, Rule, TargetReading, read_target, scoring_words
from kpi.threshold import Threshold
from kpi.values import Label, Measurement

__all__ = [
    "LEVELS",
    "Fractions",
    "Number",
    "NumberLike",
    "Reading",
    "Rule",
    "Score",
    "Share",
    "default_fractions",
    "exact_number",
    "level_of",
    "score_grade",
    "score_qualitative",
    "score_reading",
    "score_target",
]

Number = Decimal | Fraction
NumberLike = Decimal | Fraction | int | float

_LEVELS = scoring_words()["levels"]
LEVELS: tuple[str, ...] = tuple(_LEVELS["names"])
"""The qualitative levels, best first (达成, 部分达成, 未达成)."""

# The central rule's full wording of each level, accepted as the level.
_LEVEL_PHRASES: dict[str, str] = dict(_LEVELS["phrases"])


# ---------------------------------------------------------------- numbers


def exact_number(value: object, what: str, error: type[Exception]) -> Number:
    """*value* as an exact number; *error* (naming *what*) for a type that is
    not a number, :class:`~kpi.ValueReadError` for one that is not finite."""
    if isinstance(value, bool) or not isinstance(value, Decimal | Fraction | int | float):
        raise error(
            f"{what} must be a Decimal, a Fraction, an int or a float, "
            f"not {type(value).__name__} {value!r}"
        )
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueReadError(f"{what} must be a finite number, not {value!r}")
        return float_to_decimal(value)
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueReadError(f"{what} must be a finite number, not {value!r}")
    return value


def _weight(weight: object) -> Number:
    w = exact_number(weight, "a weight", ArgumentTypeError)
    if w < 0:
        raise IndicatorError(f"a weight must be 0 or more, not {format_number(w)}")
    return w


def _result(value: Fraction) -> str:
    """``= 8`` or ``≈ 9.95``: a computed number, rounded for display."""
    shown = round_half_away(value)
    if Fraction(shown) == value:
        return f"= {format_number(shown)}"
    return f"≈ {shown:f}"


# ---------------------------------------------------------------- scores


@attrs.frozen
class Score:
    """The points one indicator earns and why.

    ``points`` is exact and lies in [0, ``weight``]. ``reading`` says how a
    numeric target was read (``"minimum"``, ``"maximum"`` or ``"exact"``;
    ``None`` for a level or a grade); ``met`` whether the target was met
    (``None`` for a grade, which has no target). :func:`kpi.score` also
    fills in ``grade`` (for a tiered indicator), ``given`` (the value as
    passed), ``value`` (as read, in the indicator's unit) and ``warnings``.
    """

    points: Number
    weight: Number
    rule: Rule
    reading: Reading | None
    reason: str
    met: bool | None = None
    grade: ScaleGrade | None = None
    given: str = ""
    value: Measurement | Label | None = None
    warnings: tuple[str, ...] = ()

    def rounded(self, places: int = 2) -> Decimal:
        """The points rounded half away from zero, for display."""
        return round_half_away(self.points, places)

    def __str__(self) -> str:
        return f"{format_number(self.rounded())} of {format_number(self.weight)}: {self.reason}"


# ---------------------------------------------------------------- fractions


_FRACTION_FIELDS: tuple[tuple[str, str], ...] = (
    ("achieved", "达成"),
    ("partly_achieved", "部分达成"),
    ("not_achieved", "未达成"),
    ("excellent", "优"),
    ("good", "良"),
    ("fair", "中"),
    ("poor", "差"),
)


Share = Number | Interval
"""What a level earns: a fraction of the weight, or a range of fractions
within which the evaluator picks one."""
ShareLike = NumberLike | str | Interval


@attrs.frozen(init=False)
class Fractions:
    """The fraction of the weight each qualitative level and each grade earns.

    Defaults: 达成 1, 部分达成 0.8, 未达成 0.6; 优 1.0, 良 0.8, 中 0.6, 差 0.
    Each fraction lies in [0, 1] and a better level or grade never gets less
    than a worse one; :class:`~kpi.IndicatorError` names the field otherwise.
    Grades of any four-grade scale map by rank (优秀/称职/基本称职/不称职 as
    优/良/中/差).

    A qualitative level may earn a range instead, written in the threshold
    language (``"[80%,100%]"`` or ``"[0.8,1]"``), as the central rule scores
    达成 within 100–80% of the weight: the evaluator then gives the share
    with the level (``部分达成 70%``), and it must lie in the range.

    >>> central = Fractions(achieved="[80%,100%]", partly_achieved="[50%,80%)",
    ...                     not_achieved="[0,50%)")
    >>> str(central.achieved)
    '[0.8, 1]'
    """

    achieved: Share
    partly_achieved: Share
    not_achieved: Share
    excellent: Number
    good: Number
    fair: Number
    poor: Number

    def __init__(
        self,
        *,
        achieved: ShareLike = Decimal(1),
        partly_achieved: ShareLike = Decimal("0.8"),
        not_achieved: ShareLike = Decimal("0.6"),
        excellent: NumberLike = Decimal("1.0"),
        good: NumberLike = Decimal("0.8"),
        fair: NumberLike = Decimal("0.6"),
        poor: NumberLike = Decimal(0),
    ) -> None:
        given = (achieved, partly_achieved, not_achieved, excellent, good, fair, poor)
        values: list[Share] = []
        for index, ((name, label), value) in enumerate(zip(_FRACTION_FIELDS, given, strict=True)):
            what = f"Fractions.{name} ({label})"
            if index < 3 and isinstance(value, str | Interval):
                values.append(_share_range(value, what))
                continue
            number = exact_number(value, what, ArgumentTypeError)
            if not 0 <= number <= 1:
                raise IndicatorError(f"{what} must be between 0 and 1, not {format_number(number)}")
            values.append(number)
        for group in ((0, 1, 2), (3, 4, 5, 6)):
            for better, worse in itertools.pairwise(group):
                _check_order(values, better, worse)
        grades = [v for v in values[3:] if not isinstance(v, Interval)]
        self.__attrs_init__(values[0], values[1], values[2], *grades)

    def for_level(self, level: str) -> Share:
        """The fraction, or range, of a level: ``"达成"``, ``"部分达成"`` or ``"未达成"``."""
        return self._by_label()[level_of(level)]

    def for_grade(self, grade: ScaleGrade) -> Number:
        """The fraction of a grade of a four-grade scale, by rank."""
        if not isinstance(grade, ScaleGrade):
            raise ArgumentTypeError(
                f"expected a grade such as Grade.优, not {type(grade).__name__} {grade!r}"
            )
        grades = type(grade).grades()
        if len(grades) != 4:
            raise IndicatorError(
                f"Fractions maps the grades of a four-grade scale (优/良/中/差); "
                f"{grade!r} is of a scale of {len(grades)}: "
                f"{'/'.join(g.name for g in grades)}"
            )
        return (self.excellent, self.good, self.fair, self.poor)[grade.rank - 1]

    def _by_label(self) -> dict[str, Share]:
        return {
            "达成": self.achieved,
            "部分达成": self.partly_achieved,
            "未达成": self.not_achieved,
        }


@functools.cache
def default_fractions() -> Fractions:
    """The default :class:`Fractions`, built once."""
    return Fractions()


def _share_range(value: str | Interval, what: str) -> Share:
    """A range of fractions from its text (``[80%,100%]``, ``[0.8,1]``)."""
    if isinstance(value, Interval):
        interval = value
    else:
        try:
            threshold = parse(value)
        except ThresholdSyntaxError as exc:
            raise IndicatorError(f"{what}: {exc}") from None
        unit = threshold.unit.word if threshold.unit else ""
        if not threshold.is_numeric or len(threshold.intervals) != 1 or unit not in ("", "%"):
            raise IndicatorError(
                f"{what} must be a fraction or one range of fractions such as [0.8,1] or "
                f"[80%,100%], not {value!r}"
            )
        (interval,) = threshold.intervals
        if unit == "%":
            interval = Interval(
                None if interval.lower is None else to_fraction(interval.lower) / 100,
                None if interval.upper is None else to_fraction(interval.upper) / 100,
                interval.left,
                interval.right,
            )
    if (
        interval.lower is None
        or interval.upper is None
        or not (interval.lower >= 0 and interval.upper <= 1)
    ):
        raise IndicatorError(f"{what} must lie within [0, 1], not {interval}")
    if interval.is_point:
        return exact_value(to_fraction(interval.lower))
    return Interval(
        exact_value(to_fraction(interval.lower)),
        exact_value(to_fraction(interval.upper)),
        interval.left,
        interval.right,
    )


def _ends(share: Share) -> tuple[Fraction, Fraction]:
    if isinstance(share, Interval):
        assert share.lower is not None
        assert share.upper is not None
        return to_fraction(share.lower), to_fraction(share.upper)
    return to_fraction(share), to_fraction(share)


def _shown_share(share: Share) -> str:
    return str(share) if isinstance(share, Interval) else format_number(share)


def _check_order(values: list[Share], better: int, worse: int) -> None:
    (bname, blabel), (wname, wlabel) = _FRACTION_FIELDS[better], _FRACTION_FIELDS[worse]
    low, _ = _ends(values[better])
    _, high = _ends(values[worse])
    if high <= low:
        return
    if isinstance(values[better], Interval) or isinstance(values[worse], Interval):
        raise IndicatorError(
            f"Fractions.{wname} ({wlabel}) is {_shown_share(values[worse])}, reaching above "
            f"Fractions.{bname} ({blabel}), {_shown_share(values[better])}: a worse level "
            "must not earn more"
        )
    raise IndicatorError(
        f"Fractions.{wname} ({wlabel}) is {_shown_share(values[worse])}, "
        f"more than Fractions.{bname} ({blabel}), "
        f"{_shown_share(values[better])}: a worse level must not earn more"
    )


def level_of(level: object) -> str:
    """The level named by *level*, normalised (NFKC, no whitespace)."""
    if not isinstance(level, str):
        raise ArgumentTypeError(
            f"a qualitative level is a str, not {type(level).__name__} {level!r}"
        )
    text = "".join(unicodedata.normalize("NFKC", level).split())
    text = _LEVEL_PHRASES.get(text, text)
    if text not in LEVELS:
        raise LabelError(
            f"{level!r} is not a qualitative level; expected one of {', '.join(LEVELS)}"
        )
    return text


def score_qualitative(
    level: str,
    weight: NumberLike,
    fractions: Fractions | None = None,
    *,
    share: NumberLike | None = None,
) -> Score:
    """The points of a qualitative level: w × the level's fraction.

    *level* is 达成, 部分达成 or 未达成 (full-width forms and spaces are
    normalised; the central rule's full wording, such as 达成年度指标, is
    accepted too). Where the level earns a range of fractions, *share* is
    the fraction the evaluator chose within it. Raises
    :class:`~kpi.LabelError` for another text, a missing share, or a share
    outside the level's range.
    """
    w = _weight(weight)
    name = level_of(level)
    fraction = (fractions or default_fractions()).for_level(name)
    met = name == LEVELS[0]
    if not isinstance(fraction, Interval):
        if share is not None and to_fraction(exact_number(share, "a share", ArgumentTypeError)) != (
            to_fraction(fraction)
        ):
            raise LabelError(
                f"level {name} earns {format_number(fraction)} of the weight, not the share "
                f"{_shown_share(exact_number(share, 'a share', ArgumentTypeError))} given with it"
            )
        points = to_fraction(w) * to_fraction(fraction)
        reason = (
            f"level {name} earns {format_number(fraction)} of the weight: "
            f"{format_number(w)} × {format_number(fraction)} {_result(points)} "
            f"of {format_number(w)} points."
        )
        return Score(exact_value(points), w, Rule.QUALITATIVE, None, reason, met=met)
    if share is None:
        raise LabelError(
            f"level {name} earns a share in {fraction} of the weight; give the share the "
            f"evaluator chose with the level, such as '{name} {_example(fraction)}'"
        )
    chosen = exact_number(share, "a share", ArgumentTypeError)
    if not fraction.contains(chosen):
        raise LabelError(
            f"the share {format_number(chosen)} given with level {name} is outside its range "
            f"{fraction}"
        )
    points = to_fraction(w) * to_fraction(chosen)
    reason = (
        f"level {name} earns a share in {fraction} of the weight, and the evaluator gave "
        f"{format_number(chosen)}: {format_number(w)} × {format_number(chosen)} "
        f"{_result(points)} of {format_number(w)} points."
    )
    return Score(exact_value(points), w, Rule.QUALITATIVE, None, reason, met=met)


def _example(interval: Interval) -> str:
    """A share inside *interval*, as a percentage, for an error message."""
    low, high = _ends(interval)
    middle = (low + high) / 2
    return f"{format_number(round_half_away(middle * 100, 0))}%"


def score_grade(grade: ScaleGrade, weight: NumberLike, fractions: Fractions | None = None) -> Score:
    """The points of a tiered indicator's grade: w × the grade's fraction."""
    w = _weight(weight)
    fraction = (fractions or default_fractions()).for_grade(grade)
    points = to_fraction(w) * to_fraction(fraction)
    reason = (
        f"grade {grade} earns {format_number(fraction)} of the weight: "
        f"{format_number(w)} × {format_number(fraction)} {_result(points)} "
        f"of {format_number(w)} points."
    )
    return Score(exact_value(points), w, Rule.TIERED, None, reason)


def score_target(
    target: Threshold | str,
    actual: NumberLike,
    weight: NumberLike,
    *,
    direction: DirectionLike | None = None,
    rule: Rule | str | None = None,
    name: str = "",
) -> Score:
    """The points of *actual* against a single *target*, out of *weight*.

    *target* is a threshold (or its text) in the unit of *actual*: ``≥T`` or
    ``>T`` is higher-is-better, ``≤T`` or ``<T`` lower-is-better, ``=T`` an
    equal-to target, and a bare value ``T`` (``100%``) a minimum with
    ``direction="higher"`` and a maximum with ``direction="lower"``; without
    a direction, the indicator's *name* decides
    (:func:`kpi.target.lower_is_better_name`), else it is a minimum. *rule*
    picks the rule (default: ``HIGHER_PROPORTIONAL`` for higher,
    ``LOWER_RATIO`` for lower); see the module documentation for the
    formulas and their sources.

    Raises :class:`~kpi.IndicatorError` for a target that is not one bound or
    value, or that contradicts *direction* or *rule*;
    :class:`~kpi.PolicyError` for an unknown direction or rule name;
    :class:`~kpi.ValueTypeError` / :class:`~kpi.ValueReadError` for an actual
    that is not a finite number.
    """
    if isinstance(target, str):
        target = parse(target)
    elif not isinstance(target, Threshold):
        raise ArgumentTypeError(
            f"a target is a Threshold or its text, not {type(target).__name__} {target!r}"
        )
    read = read_target(target, direction, rule, name=name)
    return score_reading(read, exact_number(actual, "the actual value", ValueTypeError), weight)


def score_reading(read: TargetReading, actual: Number, weight: NumberLike) -> Score:
    """The points of *actual* (in the target's unit) against a target as read."""
    r = to_fraction(actual)
    w = _weight(weight)
    if read.rule is Rule.EQUAL and read.bound == 0:
        return _equal_zero(read, r, w, read.unit)
    if read.reading == "maximum":
        return _lower(read, r, w, read.unit)
    return _higher(read, r, w, read.unit)


def _clamped(raw: Fraction, w: Number, calc: str, fix: str) -> tuple[Number, str]:
    """The points of a formula's *raw* value, clamped to [0, w]."""
    if raw < 0:
        return Decimal(0), f"{calc} {_result(raw)}, raised to 0 points ({fix})."
    if raw >= to_fraction(w):  # at an open bound: the formula gives w
        return w, f"{calc} {_result(raw)} of {format_number(w)} points."
    return exact_value(raw), f"{calc} {_result(raw)} of {format_number(w)} points."


def _higher(read: TargetReading, r: Fraction, w: Number, unit: str) -> Score:
    t = read.bound
    shown = f"{shown_number(r)}{unit}"
    met = r > t or (r == t and read.closed)
    if met:
        reason = f"{shown} reaches the target {read.text}: full weight, {format_number(w)} points."
        return Score(w, w, read.rule, read.reading, reason, met=True)
    head = (
        f"{shown} is below the target {read.text}"
        if r < t
        else f"{shown} does not meet the target {read.text}, which excludes {shown}"
    )
    if t <= 0:
        reason = (
            f"{head}; weight × actual / target is defined only for a target above 0, "
            "so a missed target scores 0 points."
        )
        return Score(Decimal(0), w, read.rule, read.reading, reason, met=False)
    raw = to_fraction(w) * r / t
    calc = f"{format_number(w)} × {shown_number(r)} / {shown_number(t)}"
    points, tail = _clamped(raw, w, calc, "a score is never below 0")
    return Score(points, w, read.rule, read.reading, f"{head}: {tail}", met=False)


def _lower(read: TargetReading, r: Fraction, w: Number, unit: str) -> Score:
    t = read.bound
    shown = f"{shown_number(r)}{unit}"
    met = r < t or (r == t and read.closed)
    if met:
        reason = (
            f"{shown} is within the target {read.text}: full weight, {format_number(w)} points."
        )
        return Score(w, w, read.rule, read.reading, reason, met=True)
    head = (
        f"{shown} exceeds the target {read.text}"
        if r > t
        else f"{shown} does not meet the target {read.text}, which excludes {shown}"
    )
    if t <= 0:
        formula = (
            "weight × target / actual"
            if read.rule is Rule.LOWER_RATIO
            else "weight × (1 − (actual − target) / target)"
        )
        reason = (
            f"{head}; {formula} is defined only for a target above 0, "
            "so a missed target scores 0 points."
        )
        return Score(Decimal(0), w, read.rule, read.reading, reason, met=False)
    weight = to_fraction(w)
    if read.rule is Rule.LOWER_RATIO:
        raw = weight * t / r  # r >= t > 0 here
        calc = f"{format_number(w)} × {shown_number(t)} / {shown_number(r)}"
        fix = "a score is never below 0"
    else:
        raw = weight * (1 - (r - t) / t)
        tn = shown_number(t)
        calc = f"{format_number(w)} × (1 − ({shown_number(r)} − {tn}) / {tn})"
        fix = f"0 at twice the target, {shown_number(2 * t)}{unit}, or more"
    points, tail = _clamped(raw, w, calc, fix)
    return Score(points, w, read.rule, read.reading, f"{head}: {tail}", met=False)


def _equal_zero(read: TargetReading, r: Fraction, w: Number, unit: str) -> Score:
    shown = f"{shown_number(r)}{unit}"
    if r <= 0:
        reason = (
            f"{shown} meets the target {read.text} (with a target of 0, an actual of 0 "
            f"or less counts): full weight, {format_number(w)} points."
        )
        return Score(w, w, read.rule, read.reading, reason, met=True)
    reason = (
        f"{shown} is above the target {read.text}: 0 points "
        "(with a target of 0, any actual above 0 scores 0)."
    )
    return Score(Decimal(0), w, read.rule, read.reading, reason, met=False)
