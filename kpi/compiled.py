"""The compiled form of an indicator: grading a number in one binary search.

An indicator's tiers are decided once for every region of the number line
(:class:`~kpi.policy.Segments`: the exact end points, the decision at each
and between them). :class:`Compiled` adds the same end points as floats,
each widened to a guard band two floats wide on either side. Grading a
float is then a binary search over the bands: a value outside every band
lies strictly between two end points, and so does the decimal it was
written as (a float is read as the shortest decimal that gives it back:
``0.3`` is 3/10), so the grade of that stretch is the answer. A value inside
a band is next to an end point, where only an exact comparison can tell
which side it is on: it is read as its decimal and decided exactly. A float
is never compared at an edge.

Why two floats are enough: the decimal ``d`` of a float ``v`` lies within
half a step of ``v`` (it rounds to ``v``), and an end point ``p`` within
half a step of ``float(p)``. A ``v`` above the band of ``p`` has at least two
floats between it and ``float(p)``, so ``d > p``; likewise below.

>>> import kpi
>>> ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
>>> fast = compiled(ind)
>>> fast.grade_float(95.0), fast.grade_float(90.0), fast.grade_float(89.5)
(Grade.优, Grade.优, Grade.良)
>>> fast.grade_float(0.1 + 0.2) is kpi.grade(ind, 0.1 + 0.2)
True
"""

from __future__ import annotations

import bisect
import math
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from kpi.exact import float_to_decimal
from kpi.grades import ScaleGrade
from kpi.policy import GapPolicy, Segments

if TYPE_CHECKING:
    from kpi.indicator import Indicator

__all__ = ["LARGEST_EXACT_INT", "Compiled", "compiled"]

LARGEST_EXACT_INT = 2**53
"""Integers below this in size are exact as floats; larger ones are decided exactly."""


def _band(point: Fraction) -> tuple[float, float]:
    """The floats within two steps of *point*, as (lowest, highest)."""
    middle = float(point)
    low = math.nextafter(math.nextafter(middle, -math.inf), -math.inf)
    high = math.nextafter(math.nextafter(middle, math.inf), math.inf)
    return low, high


@attrs.frozen
class Compiled:
    """An indicator's decisions as plain numbers, for one gap policy.

    ``lows`` and ``highs`` are the guard bands of the end points, in order;
    ``between`` the grade of each open stretch (``None`` where the policy
    ``"error"`` gives none); ``segments`` the exact form that decides inside
    a band.
    """

    segments: Segments
    lows: tuple[float, ...]
    highs: tuple[float, ...]
    between: tuple[ScaleGrade | None, ...]
    numeric: bool = True
    """False for an indicator the fast path does not grade (labels, no tiers)."""

    @classmethod
    def of(cls, segments: Segments, *, numeric: bool = True) -> Compiled:
        """The compiled form of *segments*; *numeric* says whether the
        indicator's tiers are numbers (not labels, not all empty)."""
        bands = [_band(p) for p in segments.points]
        return cls(
            segments,
            tuple(low for low, _ in bands),
            tuple(high for _, high in bands),
            tuple(d.grade for d in segments.between),
            numeric,
        )

    def grade_exact(self, x: Fraction) -> ScaleGrade | None:
        """The grade of the exact number *x* (in the indicator's unit)."""
        return self.segments.decision(x).grade

    def grade_float(self, v: float) -> ScaleGrade | None:
        """The grade of the finite float *v*, read as the decimal it shows."""
        i = bisect.bisect_left(self.highs, v)
        if i < len(self.lows) and v >= self.lows[i]:
            return self.segments.decision(Fraction(float_to_decimal(v))).grade
        return self.between[i]

    def grade_int(self, n: int) -> ScaleGrade | None:
        """The grade of the integer *n*."""
        if -LARGEST_EXACT_INT < n < LARGEST_EXACT_INT:
            i = bisect.bisect_left(self.highs, n)
            if i >= len(self.lows) or n < self.lows[i]:
                return self.between[i]
        return self.segments.decision(Fraction(n)).grade


def compiled(indicator: Indicator, gap: GapPolicy | str | None = None) -> Compiled:
    """The compiled form of *indicator* for a gap policy (its own by
    default), built once and kept with the indicator."""
    return indicator.fast(gap)
