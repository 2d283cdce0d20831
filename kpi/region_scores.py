"""Scores of many values on tiered indicators, decided once per region.

On a tiered indicator, everything :func:`kpi.score` says about a value
except the value itself depends only on the *region* of the number line the
value lies in: one of the indicator's end points, or the open stretch
between two of them (:class:`~kpi.policy.Segments`, where the tiers are
decided once). The grade, the points and the reason are the same for every
value of a region, and the reason names the value once, at its start.

A report of a million rows therefore scores each region of each indicator
once, by :func:`kpi.score` itself, and every other value of that region
reuses the outcome with its own text in front of the reason. A value text
is read once per process (a bounded cache, keyed by the vocabulary in use),
and its region is found by the compiled form's binary search: floats decide
away from the end points, an exact comparison next to one
(:mod:`kpi.compiled`). Nothing is guessed: the first score of a region is
checked to start with the value as shown, else the region always takes
the full path; texts that are not plain numbers, values in no tier and
every error take the full path too, which says what went wrong.

>>> import kpi
>>> from kpi.scoring import default_fractions
>>> ind = kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"], weight=4)
>>> regions = RegionScores(default_fractions(), None)
>>> regions.score(0, ind, "85%", 4).reason == kpi.score(ind, "85%").reason
True
>>> found = regions.score(0, ind, "86.5%", 4)  # the same region: no new score
>>> print(found.reason)  # doctest: +NORMALIZE_WHITESPACE
86.5% is in 良 [80%, +∞), the best tier that contains it (the worse tier 中 contains all of 良
too). Grade 良 earns 0.8 of the weight: 4 × 0.8 = 3.2 of 4 points.
>>> regions.scored
1
"""

from __future__ import annotations

import bisect
import functools
from fractions import Fraction
from typing import NamedTuple

import attrs

from kpi.compiled import Compiled
from kpi.errors import KpiError
from kpi.evaluation import in_unit, percent_warnings
from kpi.exact import exact_value
from kpi.grades import ScaleGrade
from kpi.indicator import Indicator
from kpi.parser import Reader, current_reader
from kpi.points import score
from kpi.policy import GapPolicy
from kpi.scoring import Fractions, Number, Reading
from kpi.target import Rule
from kpi.units import Unit
from kpi.values import Label, Measurement, read_value

__all__ = ["RegionScores", "Scored"]

_CACHE_SIZE = 65536  # value texts; a few hundred bytes each


class Scored(NamedTuple):
    """What a report row takes from :func:`kpi.score`."""

    reason: str
    value: str
    """The value as read, in the indicator's unit."""
    grade: ScaleGrade
    points: Number
    rule: Rule
    reading: Reading | None
    warnings: tuple[str, ...]


class _Plain(NamedTuple):
    """A value text read once: exactly, as a float, and as reasons show it."""

    x: Fraction
    near: float | None
    """``float(x)``; None when it does not fit a float."""
    shown: str
    value: str
    read: Measurement


class _Outcome(NamedTuple):
    """What every value of one region of one indicator earns."""

    rest: str
    """The reason after the value."""
    grade: ScaleGrade
    points: Number
    rule: Rule
    reading: Reading | None


@functools.lru_cache(maxsize=_CACHE_SIZE)
def _plain(text: str, unit: Unit | None, reader: Reader) -> _Plain | None:
    """*text* read as a number in *unit*; None for a label or an error
    (then the full path raises it). *reader* keys the cache to the vocabulary."""
    try:
        read = read_value(text)
        if isinstance(read, Label):
            return None
        x, shown = in_unit(read, unit, "")
    except KpiError:
        return None
    try:
        near: float | None = float(x)
    except OverflowError:
        near = None
    return _Plain(x, near, shown, str(Measurement(exact_value(x), unit)), read)


def _region(fast: Compiled, plain: _Plain) -> int:
    """The region of *plain* among the end points of *fast*: ``i`` for the
    stretch before point ``i``, ``~i`` for point ``i`` itself."""
    near = plain.near
    if near is not None:
        i = bisect.bisect_left(fast.highs, near)
        if i == len(fast.lows) or near < fast.lows[i]:
            return i  # away from every end point: the float decides
    points = fast.segments.points
    i = bisect.bisect_left(points, plain.x)
    return ~i if i < len(points) and points[i] == plain.x else i


@attrs.define
class RegionScores:
    """The outcome of each region of each entry of a rubric, for one set of
    *fractions* and one *gap* policy (None: each indicator's own)."""

    fractions: Fractions
    gap: GapPolicy | None
    _outcomes: dict[tuple[int, int], _Outcome | None] = attrs.field(factory=dict, repr=False)
    scored: int = 0
    """How many regions were scored by the full path."""

    def score(self, key: int, indicator: Indicator, text: object, weight: Number) -> Scored | None:
        """What :func:`kpi.score` gives the value *text* on *indicator* with
        *weight*, or None when the full path must decide (for a value that is
        not a text, too). *key* names the indicator and weight among those
        this object has seen (an entry's place in the rubric)."""
        fast = indicator.fast(self.gap)
        if not fast.numeric or type(text) is not str:
            return None
        plain = _plain(text, indicator.unit, current_reader())
        if plain is None:
            return None
        region = _region(fast, plain)
        slot = (key, region)
        try:
            outcome = self._outcomes[slot]
        except KeyError:
            outcome = self._outcomes[slot] = self._first(indicator, text, weight, plain)
        if outcome is None:
            return None
        return Scored(
            plain.shown + outcome.rest,
            plain.value,
            outcome.grade,
            outcome.points,
            outcome.rule,
            outcome.reading,
            () if plain.read.unit else percent_warnings(indicator, plain.read, plain.x),
        )

    def _first(
        self, indicator: Indicator, text: str, weight: Number, plain: _Plain
    ) -> _Outcome | None:
        """The outcome of the region of *plain*, by the full path; None when
        it has none, or when its reason does not start with the value."""
        self.scored += 1
        try:
            found = score(indicator, text, weight=weight, fractions=self.fractions, gap=self.gap)
        except KpiError:
            return None
        if found.grade is None or not found.reason.startswith(plain.shown):
            return None
        return _Outcome(
            found.reason[len(plain.shown) :], found.grade, found.points, found.rule, found.reading
        )
