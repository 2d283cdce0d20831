"""``kpi.lint``: what is wrong with a rubric, computed exactly from its intervals.

>>> import kpi
>>> ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
>>> for d in kpi.lint(ind):
...     print(d.code, "|", d.message.split(";")[0])
K204 overlap | 60% is in both 中 [60%, 79%] and 差 (-∞, 60%]
K203 gap | values in (79%, 80%) are in no tier
K203 gap | values in (89%, 90%) are in no tier

Each finding names the values concerned, says how kpi grades them today
and proposes a fix; ``docs/rubrics.md`` lists every code.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Sequence
from fractions import Fraction

from kpi.diagnostics import Code, Diagnostic, Severity
from kpi.exact import format_number, to_fraction
from kpi.grades import ScaleGrade
from kpi.indicator import Indicator
from kpi.interval import OPEN, Interval, complement, describe_set, difference, intersection, union
from kpi.location import Location
from kpi.policy import Direction, GapPolicy
from kpi.rubric import Entry, Rubric
from kpi.threshold import Threshold

__all__ = ["lint"]

# Names of indicators whose values cannot exceed 100%.
_RATE = re.compile(r"率|满意度|满意程度|比例|占比|覆盖面")
_HUNDRED = Fraction(100)


def lint(subject: Rubric | Entry | Indicator) -> list[Diagnostic]:
    """Every finding about *subject*, in the order of the source.

    For a :class:`~kpi.Rubric`, the findings of reading it (cells that could
    not be read, rows that are not indicators) come first, without the
    informational ones, then those of each indicator.
    """
    if isinstance(subject, Indicator):
        return _lint_entry(Entry(subject))
    if isinstance(subject, Entry):
        return _lint_entry(subject)
    found = [d for d in subject.diagnostics if d.severity is not Severity.INFO]
    for entry in subject.entries:
        found.extend(_lint_entry(entry))
    return found


class _Linter:
    """The checks of one indicator, with the places of its cells."""

    def __init__(self, entry: Entry) -> None:
        self.entry = entry
        self.ind = entry.indicator
        self.unit = self.ind.unit.word if self.ind.unit else ""
        self.counting = self.ind.unit is not None and self.ind.unit.pint == "count"
        self.found: list[Diagnostic] = []

    def at(self, grade: ScaleGrade | None = None) -> Location:
        if grade is not None and self.entry.cells:
            return self.entry.cells[list(self.ind.scale).index(grade)]
        return self.entry.location

    def say(self, code: Code, message: str, grade: ScaleGrade | None = None) -> None:
        self.found.append(Diagnostic(code, message, self.at(grade), self.ind.name))

    def text(self, intervals: Sequence[Interval]) -> str:
        return describe_set(intervals, self.unit)

    def tier(self, grade: ScaleGrade) -> str:
        return f"{grade} {self.text(self.ind.tier(grade).intervals)}"

    def worse_grade(self, values: Interval) -> str:
        """The grade kpi gives *values* today (they share one decision)."""
        x = _inside(values)
        decision = self.ind.decision(x, GapPolicy.WORSE)
        return str(decision.grade)

    # ---------------------------------------------------------------- checks

    def run(self) -> list[Diagnostic]:
        thresholds = self.ind.thresholds
        filled = [(g, t) for g, t in thresholds if not t.is_empty]
        if not filled and self.entry.target is None:
            self.say(
                Code.NO_THRESHOLDS,
                "every tier is empty, so the indicator cannot be graded; "
                "fill in the thresholds of "
                + "/".join(g.name for g in self.ind.scale)
                + " or remove the row",
            )
            return self.found
        if not filled:
            return self.found
        for grade, threshold in thresholds:
            if threshold.is_empty and not threshold.text.strip():
                self.empty_tier(grade)  # a blank cell; '—' or 无 says "not awarded"
        self.identical(filled)
        if self.ind.is_qualitative:
            return self.found
        self.units(filled)
        if self.ind.direction is Direction.UNKNOWN and len(filled) > 1:
            self.out_of_order(filled)
        self.unreachable(filled)
        self.overlaps(filled)
        self.gaps()
        self.tail()
        self.rate()
        return self.found

    def empty_tier(self, grade: ScaleGrade) -> None:
        self.say(
            Code.EMPTY_TIER,
            f"tier {grade} is empty: no value is graded {grade} by the rubric's own words"
            + (
                f" (the gap policy may still give {grade} to values beyond every tier)"
                if grade is self.ind.scale.worst()
                else ""
            )
            + f"; write its threshold, or '—' if {grade} is not awarded on purpose",
            grade,
        )

    def identical(self, filled: Sequence[tuple[ScaleGrade, Threshold]]) -> None:
        for (a, ta), (b, tb) in itertools.combinations(filled, 2):
            same = (
                ta.label == tb.label
                if ta.is_label
                else self.ind.tier(a).intervals == self.ind.tier(b).intervals
            )
            if same:
                self.say(
                    Code.IDENTICAL_TIERS,
                    f"tiers {a} and {b} are the same ({ta}), so {b} can never be awarded; "
                    f"give {b} its own threshold",
                    b,
                )

    def out_of_order(self, filled: Sequence[tuple[ScaleGrade, Threshold]]) -> None:
        """Name the neighbouring tiers that run against the others."""
        lows = [_low(self.ind.tier(g).intervals[0]) for g, _ in filled]
        steps = [(a > b) - (a < b) for a, b in itertools.pairwise(lows)]
        falling, rising = steps.count(1), steps.count(-1)
        against = -1 if falling > rising else 1 if rising > falling else 0
        pairs = [
            (filled[i][0], filled[i + 1][0])
            for i, step in enumerate(steps)
            if against and step == against
        ]
        listed = "; ".join(self.tier(g) for g, _ in filled)
        if pairs:
            better, worse = pairs[0]
            way = "below" if against == -1 else "above"
            fix = (
                f"swap {better} and {worse} (or correct one of them): {better} lies {way} "
                f"{worse}, against the order of the other tiers"
            )
        else:
            fix = "list the thresholds from the best grade to the worst"
        self.say(
            Code.OUT_OF_ORDER,
            f"the tiers do not run in one direction ({listed}): neither higher-is-better "
            f"nor lower-is-better; {fix}",
        )

    def units(self, filled: Sequence[tuple[ScaleGrade, Threshold]]) -> None:
        others = [(g, t) for g, t in filled if t.unit is not None and t.unit.word != self.unit]
        if others:
            written = ", ".join(
                f"{g} is written in {t.unit.word if t.unit else ''} ({t}, which is "
                f"{self.text(self.ind.tier(g).intervals)} in {self.unit})"
                for g, t in others
            )
            self.say(
                Code.MIXED_UNITS,
                f"the tiers are not all in {self.unit}: {written}; kpi compares them exactly, "
                f"but write every tier in {self.unit} to make the rubric easier to read",
                others[0][0],
            )

    def unreachable(self, filled: Sequence[tuple[ScaleGrade, Threshold]]) -> None:
        for grade, _ in filled:
            tier = self.ind.tier(grade)
            if tier.intervals and not tier.effective:
                better = [
                    g
                    for g, _ in filled
                    if g > grade and intersection(tier.intervals, self.ind.tier(g).intervals)
                ]
                if any(self.ind.tier(b).intervals == tier.intervals for b in better):
                    continue  # said by identical-tiers
                self.say(
                    Code.UNREACHABLE_TIER,
                    f"no value can get {grade}: every value of {self.tier(grade)} is in a "
                    f"better tier ({'/'.join(g.name for g in better)}); give {grade} the "
                    "values below (or above) the better tiers",
                    grade,
                )

    def overlaps(self, filled: Sequence[tuple[ScaleGrade, Threshold]]) -> None:
        for (a, _), (b, _) in itertools.combinations(filled, 2):
            ia, ib = self.ind.tier(a).intervals, self.ind.tier(b).intervals
            shared = intersection(ia, ib)
            if not shared or not difference(ia, ib) or not difference(ib, ia):
                continue  # disjoint, or one holds the other (cumulative tiers)
            lone = shared[0].lower if len(shared) == 1 and shared[0].is_point else None
            point = lone is not None
            what = (
                f"{format_number(lone)}{self.unit}"
                if lone is not None
                else f"the values {self.text(shared)}"
            )
            self.say(
                Code.OVERLAP,
                f"{what} {'is' if point else 'are'} in both {self.tier(a)} and {self.tier(b)}; "
                f"tiers are tried from best to worst, so {a} wins; write {b} as "
                f"{self.text(difference(ib, ia))} (for example with 不满 or (不含)) so that "
                "the rubric says so itself",
                b,
            )

    def covered(self) -> tuple[Interval, ...]:
        return union(iv for t in self.ind.thresholds for iv in self.ind.tier(t[0]).intervals)

    def gaps(self) -> None:
        for gap in complement(self.covered()):
            if gap.lower is None or gap.upper is None:
                continue  # a tail, not a gap between tiers
            decision = self.ind.decision(_inside(gap), GapPolicy.WORSE)
            assert decision.below is not None
            assert decision.above is not None
            worse = max(decision.below, decision.above, key=lambda p: p.grade.rank)
            closed = union((worse.interval, gap))
            counts = ""
            if self.counting and not _holds_whole_number(gap):
                counts = (
                    f"; no whole number lies in it, so it matters only if "
                    f"{self.ind.name} can take fractional values"
                )
            self.say(
                Code.GAP,
                f"values in {self.text((gap,))} are in no tier; gap policy 'worse' grades "
                f"them {worse.grade}, the worse of {decision.below.grade} and "
                f"{decision.above.grade}{counts}; to close the gap write {worse.grade} as "
                f"{self.text(closed)}",
                worse.grade,
            )

    def tail(self) -> None:
        direction = self.ind.direction
        covered = self.covered()
        if not covered:
            return
        if direction is Direction.HIGHER_IS_BETTER and covered[0].lower is not None:
            rest = complement(covered)[0]
            side = "below"
        elif direction is Direction.LOWER_IS_BETTER and covered[-1].upper is not None:
            rest = complement(covered)[-1]
            side = "above"
        else:
            return
        if self.counting and rest.upper is not None and rest.upper <= 0:
            return  # a count is never negative
        worst = self.ind.scale.worst()
        fixed = union((*self.ind.tier(worst).effective, rest))
        self.say(
            Code.UNCOVERED_TAIL,
            f"values in {self.text((rest,))} are {side} every tier, and the worst "
            f"tier {self.tier(worst)} does not cover them; gap policy 'worse' grades them "
            f"{self.worse_grade(rest)}; to cover the rest of the range write {worst} as "
            f"{self.text(fixed)}",
            worst,
        )

    def rate(self) -> None:
        if self.unit != "%" or not _RATE.search(self.ind.name):
            return
        ends = [
            to_fraction(v)
            for t in self.ind.thresholds
            for iv in self.ind.tier(t[0]).intervals
            for v in (iv.lower, iv.upper)
            if v is not None
        ]
        if not ends or max(ends) != _HUNDRED:
            return
        at_100 = self.ind.decision(_HUNDRED, GapPolicy.WORSE).grade
        above = Interval(_HUNDRED, None, left=OPEN)
        if at_100 is None:
            return
        graded = [  # the tiers that grade values above 100% worse than 100%
            grade
            for grade, _ in self.ind.thresholds
            if grade < at_100 and intersection(self.ind.tier(grade).effective, (above,))
        ]
        if not graded:
            return
        first = graded[0]
        offending = [  # every tier to bound, so that no other takes over
            grade
            for grade, _ in self.ind.thresholds
            if grade < at_100 and intersection(self.ind.tier(grade).intervals, (above,))
        ]
        capped = (Interval.at_most(_HUNDRED),)
        fixes = ", ".join(
            f"{g} as {self.text(intersection(self.ind.tier(g).intervals, capped))}"
            for g in offending
        )
        self.say(
            Code.RATE_ABOVE_100,
            f"a rate cannot exceed 100%, but {self.tier(first)} takes values above 100%, so "
            f"a value such as 100.5% (a typing slip) would be graded {first}, worse than "
            f"100% itself ({at_100}); write {fixes}",
            first,
        )


def _holds_whole_number(interval: Interval) -> bool:
    lo, hi = interval.lower, interval.upper
    if lo is None or hi is None:
        return True
    first = math.floor(lo) + 1 if interval.left is OPEN or lo != math.floor(lo) else int(lo)
    return interval.contains(Fraction(first)) or first < hi


def _low(interval: Interval) -> tuple[int, Fraction]:
    """A sort key of an interval's lower end, -∞ first."""
    return (0, Fraction(0)) if interval.lower is None else (1, to_fraction(interval.lower))


def _inside(interval: Interval) -> Fraction:
    """A value inside *interval*: its middle, or a point of it."""
    lo, hi = interval.lower, interval.upper
    if lo is None and hi is None:
        return Fraction(0)
    if lo is None:
        assert hi is not None
        return to_fraction(hi) - 1
    if hi is None:
        return to_fraction(lo) + 1
    return (to_fraction(lo) + to_fraction(hi)) / 2


def _lint_entry(entry: Entry) -> list[Diagnostic]:
    """The findings of one entry, in the order of their cells in the source."""
    found = _Linter(entry).run()
    return sorted(found, key=lambda d: (d.location.row or 0, d.location.column))
