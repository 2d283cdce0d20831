"""The grading policy: which tier a value gets, decided for every region of
the number line at once.

The rules (docs/grading.md explains them with examples from the seed):

* Tiers are tried from best to worst; the first that contains the value
  wins. An overlap is thus settled in favour of the better tier.
* A value in no tier lies in a *gap* between two tiers, or in a *tail*
  beyond every tier. The gap policy decides:

  - ``"worse"`` (default): in a gap, the worse of the two tiers around it; in
    the tail on the worse side (below every tier of a higher-is-better
    indicator, above every tier of a lower-is-better one), the worst grade of
    the scale; in the tail on the better side, the tier next to it. A
    target band, or an indicator without a direction, gives each tail the
    tier next to it.
  - ``"nearest"``: the tier whose region is closest; a tie goes to the worse.
  - ``"error"``: no grade; :class:`~kpi.GapError` is raised.

Since the tier regions are unions of intervals, the answer is the same for
every value strictly between two consecutive end points. :func:`compile_tiers`
therefore decides once per end point and once per open stretch between
them, and grading is a binary search over the end points.
"""

from __future__ import annotations

import bisect
import enum
import itertools
from collections.abc import Sequence
from fractions import Fraction
from typing import TypeVar

import attrs

from kpi.errors import PolicyError
from kpi.exact import to_fraction
from kpi.grades import ScaleGrade
from kpi.interval import CLOSED, OPEN, Interval, difference, union

__all__ = [
    "Basis",
    "Decision",
    "Direction",
    "GapPolicy",
    "Piece",
    "Segments",
    "Tier",
    "compile_tiers",
]

Choice = TypeVar("Choice", bound=enum.Enum)


def choose(kind: type[Choice], value: Choice | str, what: str) -> Choice:
    """The member of the enum *kind* that is *value* or has it as its value;
    :class:`~kpi.PolicyError` naming *what* and the choices otherwise.

    >>> choose(GapPolicy, "nearest", "gap")
    <GapPolicy.NEAREST: 'nearest'>
    """
    if isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in kind)
        raise PolicyError(f"{what} must be one of {choices}, not {value!r}") from None


class Direction(enum.Enum):
    """Which way an indicator's tiers run, inferred from their positions."""

    HIGHER_IS_BETTER = "higher-is-better"
    LOWER_IS_BETTER = "lower-is-better"
    TARGET_BAND = "target band"
    UNKNOWN = "no direction"
    QUALITATIVE = "qualitative"

    def __str__(self) -> str:
        return self.value


class GapPolicy(enum.Enum):
    """What a value in no tier gets (see the module documentation)."""

    WORSE = "worse"
    NEAREST = "nearest"
    ERROR = "error"

    def __str__(self) -> str:
        return self.value


class Basis(enum.Enum):
    """What decided a grade."""

    TIER = "tier"
    """The value lies in one tier, or in a tier and in worse tiers that
    contain that whole tier (cumulative tiers such as ≥90% / ≥80% / ≥60%)."""
    OVERLAP = "overlap"
    """The value lies in two tiers that overlap without one containing the
    other (中 60-79% and 差 60%以下 share 60%); the better tier wins."""
    GAP = "gap"
    """The value lies between two tiers."""
    TAIL = "tail"
    """The value lies beyond every tier."""
    LABEL = "label"
    """A qualitative value matched a tier's label or named a grade."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Tier:
    """One tier of an indicator, its thresholds in the indicator's unit."""

    grade: ScaleGrade
    intervals: tuple[Interval, ...]
    effective: tuple[Interval, ...]
    """The values this tier awards: its intervals less those of better tiers."""


@attrs.frozen
class Piece:
    """One interval of one tier's effective region: a neighbour of a gap."""

    grade: ScaleGrade
    interval: Interval


@attrs.frozen
class Decision:
    """The grade of one region of the number line, and why."""

    grade: ScaleGrade | None
    basis: Basis
    matched: tuple[ScaleGrade, ...] = ()
    """Every tier that contains the value, best first."""
    overlapping: tuple[ScaleGrade, ...] = ()
    """The worse tiers among them that do not contain the whole winning tier."""
    below: Piece | None = None
    above: Piece | None = None
    worse_side: bool = False


def effective_regions(tiers: Sequence[tuple[ScaleGrade, tuple[Interval, ...]]]) -> list[Tier]:
    """Each tier with the values it awards under 'best tier first'."""
    out: list[Tier] = []
    better: list[Interval] = []
    for grade, intervals in tiers:
        out.append(Tier(grade, intervals, difference(intervals, union(better))))
        better.extend(intervals)
    return out


def infer_direction(tiers: Sequence[Tier]) -> Direction:
    """Higher-is-better when the lower ends fall from the best tier to the
    worst (never rising, falling at least once); lower-is-better when the
    upper ends rise likewise; a target band when both hold; else unknown."""
    hulls = [(t.intervals[0], t.intervals[-1]) for t in tiers if t.intervals]
    if len(hulls) < 2:
        return Direction.UNKNOWN

    def low(iv: Interval) -> tuple[int, Fraction]:
        return (0, Fraction(0)) if iv.lower is None else (1, to_fraction(iv.lower))

    def high(iv: Interval) -> tuple[int, Fraction]:
        return (1, Fraction(0)) if iv.upper is None else (0, to_fraction(iv.upper))

    lows = [low(first) for first, _ in hulls]
    highs = [high(last) for _, last in hulls]
    pairs = list(itertools.pairwise(lows))
    higher = all(a >= b for a, b in pairs) and any(a > b for a, b in pairs)
    pairs = list(itertools.pairwise(highs))
    lower = all(a <= b for a, b in pairs) and any(a < b for a, b in pairs)
    if higher and lower:
        return Direction.TARGET_BAND
    if higher:
        return Direction.HIGHER_IS_BETTER
    if lower:
        return Direction.LOWER_IS_BETTER
    return Direction.UNKNOWN


def _entirely_below(iv: Interval, x: Fraction) -> bool:
    return iv.upper is not None and (iv.upper < x or (iv.upper == x and iv.right is OPEN))


def _entirely_above(iv: Interval, x: Fraction) -> bool:
    return iv.lower is not None and (iv.lower > x or (iv.lower == x and iv.left is OPEN))


def decide(
    x: Fraction,
    tiers: Sequence[Tier],
    direction: Direction,
    worst: ScaleGrade,
    policy: GapPolicy,
) -> Decision:
    """The grade of *x* by the rules of this module, computed from their
    definition (the slow path, used to compile and to test the fast one)."""
    hits = [t for t in tiers if any(iv.contains(x) for iv in t.intervals)]
    if hits:
        winner = hits[0]
        overlapping = tuple(t.grade for t in hits[1:] if difference(winner.intervals, t.intervals))
        return Decision(
            winner.grade,
            Basis.OVERLAP if overlapping else Basis.TIER,
            tuple(t.grade for t in hits),
            overlapping,
        )
    pieces = [Piece(t.grade, iv) for t in tiers for iv in t.effective]
    lower = [p for p in pieces if _entirely_below(p.interval, x)]
    upper = [p for p in pieces if _entirely_above(p.interval, x)]
    below = max(lower, key=lambda p: (p.interval.upper, p.interval.right is CLOSED), default=None)
    above = min(upper, key=lambda p: (p.interval.lower, p.interval.left is OPEN), default=None)
    if below is not None and above is not None:
        if policy is GapPolicy.ERROR:
            return Decision(None, Basis.GAP, below=below, above=above)
        worse = max(below.grade, above.grade, key=lambda g: g.rank)
        if policy is GapPolicy.NEAREST:
            assert below.interval.upper is not None
            assert above.interval.lower is not None
            to_below = x - to_fraction(below.interval.upper)
            to_above = to_fraction(above.interval.lower) - x
            if to_below != to_above:
                worse = below.grade if to_below < to_above else above.grade
        return Decision(worse, Basis.GAP, below=below, above=above)
    neighbour = below or above
    if neighbour is None:  # every tier is empty
        return Decision(None, Basis.TAIL)
    worse_side = (above is not None and direction is Direction.HIGHER_IS_BETTER) or (
        below is not None and direction is Direction.LOWER_IS_BETTER
    )
    if policy is GapPolicy.ERROR:
        grade = None
    elif worse_side and policy is GapPolicy.WORSE:
        grade = worst
    else:
        grade = neighbour.grade
    return Decision(grade, Basis.TAIL, below=below, above=above, worse_side=worse_side)


@attrs.frozen
class Segments:
    """The compiled form: every end point, the decision at it, and the
    decision for the open stretch before it (and after the last)."""

    points: tuple[Fraction, ...]
    at: tuple[Decision, ...]
    between: tuple[Decision, ...]

    def decision(self, x: Fraction) -> Decision:
        """The decision for *x*: a binary search and one exact comparison."""
        i = bisect.bisect_left(self.points, x)
        if i < len(self.points) and self.points[i] == x:
            return self.at[i]
        return self.between[i]


def compile_tiers(
    tiers: Sequence[Tier], direction: Direction, worst: ScaleGrade, policy: GapPolicy
) -> Segments:
    """Decide every region of the number line once."""
    ends: set[Fraction] = set()
    for tier in tiers:
        for iv in tier.intervals:
            ends.update(to_fraction(v) for v in (iv.lower, iv.upper) if v is not None)
    if policy is GapPolicy.NEAREST:
        # The closer tier changes in the middle of each gap.
        pieces = sorted(
            (iv for t in tiers for iv in t.effective),
            key=lambda iv: (iv.lower is not None, iv.lower or 0),
        )
        for a, b in itertools.pairwise(pieces):
            if a.upper is not None and b.lower is not None and a.upper <= b.lower:
                ends.add((to_fraction(a.upper) + to_fraction(b.lower)) / 2)
    points = tuple(sorted(ends))

    def at(x: Fraction) -> Decision:
        return decide(x, tiers, direction, worst, policy)

    between: list[Decision] = []
    for i in range(len(points) + 1):
        if not points:
            x = Fraction(0)
        elif i == 0:
            x = points[0] - 1
        elif i == len(points):
            x = points[-1] + 1
        else:
            x = (points[i - 1] + points[i]) / 2
        between.append(at(x))
    return Segments(points, tuple(at(p) for p in points), tuple(between))
