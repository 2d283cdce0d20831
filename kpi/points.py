"""The points one indicator earns for one value: ``kpi.score``.

A tiered indicator is graded first (:func:`kpi.evaluate`) and its grade
earns a fraction of the weight; a single-target indicator is scored
against its target by its rule; a qualitative target is scored by the level
of the actual (达成 / 部分达成 / 未达成). The :class:`~kpi.scoring.Score`
says which rule was used, how the target was read and why.

>>> import kpi
>>> s = kpi.score(kpi.Indicator("公文差错率", target="≤0.1‰", weight=5), "0.01%")
>>> s.points, s.rule.name
(Decimal('5'), 'LOWER_RATIO')
>>> s.reason
'0.1‰ is within the target ≤0.1‰: full weight, 5 points.'
>>> tiered = kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"], weight=4)
>>> s = kpi.score(tiered, "85%")
>>> (str(s.grade), s.points)
('良', Decimal('3.2'))
"""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal

import attrs

from kpi.errors import IndicatorError, LabelError, UngradableError
from kpi.evaluation import evaluate, in_indicator_unit, percent_warnings
from kpi.exact import exact_value
from kpi.indicator import Indicator
from kpi.parser import Reader, current_reader
from kpi.policy import GapPolicy
from kpi.scoring import (
    LEVELS,
    Fractions,
    NumberLike,
    Score,
    level_of,
    score_grade,
    score_qualitative,
    score_reading,
)
from kpi.values import Label, Measurement, ValueLike, read_value

__all__ = ["score"]

_CACHE_SIZE = 16384  # about 2 KB a score: a few tens of MB at most


def score(
    indicator: Indicator,
    value: ValueLike,
    *,
    weight: NumberLike | None = None,
    fractions: Fractions | None = None,
    gap: GapPolicy | str | None = None,
) -> Score:
    """The points *value* earns on *indicator*, out of its weight.

    *weight* overrides the indicator's own; *fractions* sets what each grade
    and qualitative level earns (default 优 1.0, 良 0.8, 中 0.6, 差 0; 达成 1,
    部分达成 0.8, 未达成 0.6); *gap* overrides a tiered indicator's gap
    policy. Raises what :func:`kpi.evaluate` raises for a tiered indicator;
    for a single target, :class:`~kpi.LabelError`,
    :class:`~kpi.UnitMismatchError`, :class:`~kpi.ValueReadError` or
    :class:`~kpi.ValueTypeError` for a value that does not fit;
    :class:`~kpi.UngradableError` for an indicator with neither tiers nor a
    target; :class:`~kpi.IndicatorError` when no weight is known.

    A value seen before on the same indicator with the same settings is
    answered from a bounded cache (scores are immutable, and the current
    vocabulary is part of the key).
    """
    try:
        hash(value)
    except TypeError:  # not a value kpi reads: the exact path says so
        return _score(indicator, value, weight, fractions, gap)
    return _cached(_Same(indicator), value, weight, fractions, gap, current_reader())


class _Same:
    """An indicator as a cache key: by identity, not by value (hashing its
    tiers on every call would cost more than it saves). The key holds the
    indicator, so its identity is not reused while the entry lives."""

    __slots__ = ("indicator",)

    def __init__(self, indicator: Indicator) -> None:
        self.indicator = indicator

    def __hash__(self) -> int:
        return id(self.indicator)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.indicator is self.indicator


@functools.lru_cache(maxsize=_CACHE_SIZE, typed=True)
def _cached(
    same: _Same,
    value: ValueLike,
    weight: NumberLike | None,
    fractions: Fractions | None,
    gap: GapPolicy | str | None,
    reader: Reader,
) -> Score:
    """:func:`_score`, remembered; *reader* keys the cache to the vocabulary."""
    return _score(same.indicator, value, weight, fractions, gap)


def _score(
    indicator: Indicator,
    value: ValueLike,
    weight: NumberLike | None,
    fractions: Fractions | None,
    gap: GapPolicy | str | None,
) -> Score:
    w = indicator.weight if weight is None else weight
    if w is None:
        raise IndicatorError(
            f"indicator {indicator.name!r} has no weight; give it weight= or pass weight= here"
        )
    if indicator.is_tiered or not indicator.has_target:
        evaluation = evaluate(indicator, value, gap=gap)
        points = score_grade(evaluation.grade, w, fractions)
        return attrs.evolve(
            points,
            reason=f"{evaluation.reason} {points.reason[0].upper()}{points.reason[1:]}",
            grade=evaluation.grade,
            given=evaluation.given,
            value=evaluation.value,
            warnings=evaluation.warnings,
        )
    target = indicator.target
    assert target is not None
    if target.is_label and isinstance(value, str):
        text, share = _level_and_share(value)
        if share is not None:
            return _score_level(indicator, value, Label(text.strip()), w, fractions, share)
    read = read_value(value)
    given = value if isinstance(value, str) else str(read)
    if target.is_label:
        return _score_level(indicator, given, read, w, fractions)
    if isinstance(read, Label):
        raise LabelError(
            f"indicator {indicator.name!r} has the target {target}; expected a number, "
            f"found the label {read.text!r}"
        )
    reading = indicator.reading
    if reading is None:  # an empty target: has_target is False above
        raise UngradableError(f"indicator {indicator.name!r} has an empty target")
    x, _ = in_indicator_unit(indicator, read)
    found = score_reading(reading, x, w)
    return attrs.evolve(
        found,
        given=given,
        value=Measurement(exact_value(x), indicator.unit),
        warnings=percent_warnings(indicator, read, x),
    )


# A level followed by the evaluator's share: 部分达成 70%, 部分达成（0.7）
_LEVEL_SHARE = re.compile(
    r"^(?P<level>.*?\D)[\s,，:：(（]*(?P<share>\d+(?:\.\d+)?)(?P<pct>%?)[)）]?$"
)


def _level_and_share(text: str) -> tuple[str, Decimal | None]:
    """The level and the share written after it, if any."""
    found = _LEVEL_SHARE.match(unicodedata.normalize("NFKC", text).strip())
    if found is None:
        return text, None
    share = Decimal(found["share"])
    return found["level"], share / 100 if found["pct"] else share


def _score_level(
    indicator: Indicator,
    given: str,
    read: Measurement | Label,
    weight: NumberLike,
    fractions: Fractions | None,
    share: Decimal | None = None,
) -> Score:
    target = indicator.target
    assert target is not None
    assert target.label is not None
    levels = ", ".join(LEVELS)
    if not isinstance(read, Label):
        raise LabelError(
            f"indicator {indicator.name!r} has the qualitative target {target}; expected a "
            f"level ({levels}) or {target.label}, found the number {read}"
        )
    text = read.text
    if text == target.label:
        found = score_qualitative(LEVELS[0], weight, fractions, share=share)
        reason = f"{read.text!r} is the target itself, so the level is {LEVELS[0]}; "
        return attrs.evolve(found, reason=reason + found.reason, given=given, value=read)
    try:
        level = level_of(text)
    except LabelError:
        raise LabelError(
            f"{read.text!r} is not a level of indicator {indicator.name!r}; expected one of "
            f"{levels}, or the target {target.label}"
        ) from None
    found = score_qualitative(level, weight, fractions, share=share)
    return attrs.evolve(found, given=given, value=read)
