"""A year-end evaluation: a rubric and the year's actual values become a report.

:func:`evaluate_rubric` pairs every indicator of a rubric with its actual
value in each department of the actuals (by :func:`kpi.actuals.match_name`),
scores it (:func:`kpi.score`), adds up the points and grades the total on
the bands of 财预〔2020〕10号 (:mod:`kpi.national`). Nothing is dropped: every
indicator gets a :class:`Row` in every department, graded or scored or with
the reason it is not; every actual that names no indicator, and every
second actual of one indicator, gets a row too. One bad value marks its own
row and the rest of the report is still produced.

>>> import kpi
>>> rubric = kpi.Rubric([
...     kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=60),
...     kpi.Indicator("公文差错率", target="≤0.1‰", weight=40),
... ])
>>> report = kpi.evaluate_rubric(rubric, {"会议保障率": "92%", "公文差错率": "0.02%"})
>>> [(row.name, row.status.value, str(row.grade), row.points) for row in report.rows]
[('会议保障率', 'graded', '良', Decimal('48')), ('公文差错率', 'scored', 'None', Decimal('20'))]
>>> report.only.total, report.only.grade
(Decimal('68'), Grade.中)

Weights: an indicator's ``weight`` (分值). When no indicator of the rubric
has one, every indicator weighs the same, ``out_of / n``; when some have and
some do not, or the weights do not add up to ``out_of`` (100 unless said),
the report says so and gives no overall grade rather than guess.

Rows without points (no actual, an unreadable value, an indicator that
cannot be scored) are counted by the ``missing`` policy: ``"zero"`` (the
default) gives them 0 of their weight, as an evaluation gives no points for
an indicator without evidence; ``"exclude"`` leaves them out and scales the
points of the others up to ``out_of``. The report names the policy.
"""

from __future__ import annotations

import enum
import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any, BinaryIO

import attrs

from kpi.actuals import Actual, Actuals, pair, read_actuals
from kpi.diagnostics import Diagnostic
from kpi.errors import ArgumentTypeError, KpiError, PolicyError
from kpi.exact import exact_value, format_number, round_half_away, shown_number, to_fraction
from kpi.grades import Grade, ScaleGrade
from kpi.indicator import Indicator
from kpi.location import Location
from kpi.national import NATIONAL_BANDS, NATIONAL_SOURCE, national_evaluation
from kpi.points import score
from kpi.policy import GapPolicy, choose
from kpi.read import read_rubric
from kpi.region_scores import RegionScores
from kpi.rubric import Entry, Rubric
from kpi.scoring import Fractions, Number, NumberLike, Reading, default_fractions, exact_number
from kpi.target import Rule

__all__ = [
    "DepartmentReport",
    "DepartmentSummary",
    "Grading",
    "Missing",
    "Report",
    "Row",
    "Status",
    "Tally",
    "duplicate_row",
    "evaluate_rubric",
    "unmatched_row",
]

Progress = Callable[[int, int], None]
"""Called as ``progress(done, total)`` while rows are evaluated."""


class Status(enum.Enum):
    """What became of one row of a report."""

    GRADED = "graded"
    """A tiered indicator: graded 优/良/中/差 and scored by its grade."""
    SCORED = "scored"
    """A single-target indicator: scored against its target."""
    MISSING = "missing"
    """An indicator with no actual value, or an empty one."""
    ERROR = "error"
    """The actual value or the indicator could not be read or scored."""
    UNMATCHED = "unmatched"
    """An actual value that names no indicator of the rubric."""
    DUPLICATE = "duplicate"
    """A second actual value of one indicator; only the first is scored."""

    @property
    def ok(self) -> bool:
        """True for a row that was graded or scored."""
        return self in (Status.GRADED, Status.SCORED)

    def __str__(self) -> str:
        return self.value


class Missing(enum.Enum):
    """How rows without points count in the total."""

    ZERO = "zero"
    """They earn 0 of their weight."""
    EXCLUDE = "exclude"
    """They are left out, and the other points are scaled up to the full total."""

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Row:
    """One row of a report: an indicator of one department, or an actual
    that is not scored (unmatched or a duplicate).

    ``given`` is the actual as written and ``value`` as read, in the
    indicator's unit (``"2天"`` is given, ``"48小时"`` its value);
    ``target`` the indicator's target or tiers as text; ``points`` and
    ``weight`` are exact (``None`` where unknown); ``reason`` says how the
    grade or the points were reached, or why there are none.
    """

    department: str
    name: str
    status: Status
    reason: str
    given: str = ""
    value: str = ""
    target: str = ""
    grade: ScaleGrade | None = None
    points: Number | None = None
    weight: Number | None = None
    rule: Rule | None = None
    reading: Reading | None = None
    warnings: tuple[str, ...] = ()
    activity: str = ""
    indicator: Location = attrs.field(factory=Location)
    """Where the indicator is in the rubric."""
    actual: Location = attrs.field(factory=Location)
    """Where the actual value is in the actuals file."""
    note: str = ""
    """The note (备注) given with the actual value."""

    @property
    def ok(self) -> bool:
        """True when the row was graded or scored."""
        return self.status.ok

    def shown_points(self, places: int = 2) -> str:
        """The points rounded for display (``""`` when there are none)."""
        return "" if self.points is None else format_number(round_half_away(self.points, places))


@attrs.frozen
class DepartmentReport:
    """The report of one department: a row per indicator (then the actuals
    that scored nothing), the total and the overall grade.

    ``total`` is exact (``None`` when nothing could be scored); ``grade`` is
    the national grade of ``total`` out of ``out_of`` (``None`` when the
    weights do not allow one, see ``problems``); ``reason`` says how both
    were reached.
    """

    department: str
    rows: tuple[Row, ...]
    total: Number | None
    out_of: Number
    grade: Grade | None
    reason: str
    problems: tuple[str, ...] = ()

    @property
    def indicators(self) -> tuple[Row, ...]:
        """The rows of the rubric's indicators, in rubric order."""
        return tuple(r for r in self.rows if r.status not in _EXTRA)

    @property
    def failed(self) -> tuple[Row, ...]:
        """The indicator rows that were neither graded nor scored."""
        return tuple(r for r in self.indicators if not r.ok)

    @property
    def unmatched(self) -> tuple[Row, ...]:
        """The rows of actuals that name no indicator."""
        return tuple(r for r in self.rows if r.status is Status.UNMATCHED)

    @property
    def counts(self) -> Mapping[Status, int]:
        """How many rows have each status."""
        found = Counter(r.status for r in self.rows)
        return {s: found[s] for s in Status}

    def shown_total(self, places: int = 2) -> str:
        """The total rounded for display (``""`` when there is none)."""
        return "" if self.total is None else format_number(round_half_away(self.total, places))

    @property
    def summary(self) -> DepartmentSummary:
        """The department without its rows."""
        return DepartmentSummary(
            self.department,
            self.total,
            self.out_of,
            self.grade,
            self.reason,
            self.problems,
            self.counts,
        )


_EXTRA = (Status.UNMATCHED, Status.DUPLICATE)


@attrs.frozen
class DepartmentSummary:
    """What is known of one department without its rows: the total, the
    overall grade, the reason and the problems, as in its
    :class:`DepartmentReport`, and how many rows have each status. The
    streaming evaluation (:mod:`kpi.stream`) gives these; a
    :class:`DepartmentReport` gives its own as ``summary``."""

    department: str
    total: Number | None
    out_of: Number
    grade: Grade | None
    reason: str
    problems: tuple[str, ...]
    counts: Mapping[Status, int]

    @property
    def indicators(self) -> int:
        """How many rows are the rubric's indicators."""
        return sum(n for s, n in self.counts.items() if s not in _EXTRA)

    @property
    def failed(self) -> int:
        """How many indicator rows were neither graded nor scored."""
        return self.counts[Status.MISSING] + self.counts[Status.ERROR]

    @property
    def ok(self) -> bool:
        """True when every row was graded or scored and there is an overall grade."""
        return self.grade is not None and all(s.ok for s, n in self.counts.items() if n)

    def shown_total(self, places: int = 2) -> str:
        """The total rounded for display (``""`` when there is none)."""
        return "" if self.total is None else format_number(round_half_away(self.total, places))


@attrs.frozen
class Report:
    """The reports of every department of the actuals, in the order the
    departments first appear (one report for the department ``""`` when the
    actuals name none).

    ``rubric`` and ``actuals`` name the sources; ``out_of``, ``missing``,
    ``fractions`` and ``gap`` are the settings used; ``notes`` are the
    rubric's own error-level findings (rows that are not indicators).
    """

    departments: tuple[DepartmentReport, ...]
    rubric: str = ""
    actuals: str = ""
    out_of: Number = Decimal(100)
    missing: Missing = Missing.ZERO
    fractions: Fractions = attrs.field(factory=Fractions)
    gap: GapPolicy | None = None
    notes: tuple[Diagnostic, ...] = ()

    def __iter__(self) -> Iterator[DepartmentReport]:
        return iter(self.departments)

    def __len__(self) -> int:
        return len(self.departments)

    def __getitem__(self, department: str) -> DepartmentReport:
        for found in self.departments:
            if found.department == department:
                return found
        names = ", ".join(repr(d.department) for d in self.departments)
        raise KeyError(f"no department {department!r} in the report; it has {names}")

    @property
    def only(self) -> DepartmentReport:
        """The one department's report; :class:`ValueError` when there are several."""
        if len(self.departments) != 1:
            raise ValueError(
                f"the report has {len(self.departments)} departments; pick one with "
                "report[department]"
            )
        return self.departments[0]

    @property
    def rows(self) -> tuple[Row, ...]:
        """Every row of every department, in order."""
        return tuple(r for d in self.departments for r in d.rows)

    @property
    def failed(self) -> tuple[Row, ...]:
        """Every indicator row, of any department, that was neither graded nor scored."""
        return tuple(r for d in self.departments for r in d.failed)

    @property
    def ok(self) -> bool:
        """True when every indicator was graded or scored, every actual
        matched an indicator, and every department has an overall grade."""
        return all(d.grade is not None and all(r.ok for r in d.rows) for d in self.departments)


# ---------------------------------------------------------------- evaluation


def evaluate_rubric(
    rubric: Rubric | str | os.PathLike[str],
    actuals: Actuals | Mapping[str, object] | str | os.PathLike[str] | BinaryIO,
    *,
    out_of: NumberLike = 100,
    missing: Missing | str = Missing.ZERO,
    fractions: Fractions | None = None,
    gap: GapPolicy | str | None = None,
    progress: Progress | None = None,
) -> Report:
    """Score every indicator of *rubric* with the values of *actuals*.

    *rubric* is a :class:`~kpi.Rubric` or a rubric file
    (:func:`kpi.read_rubric`); *actuals* an :class:`~kpi.actuals.Actuals`,
    a mapping of indicator name to value (or department to such a
    mapping), or a CSV/TSV/XLSX file (:func:`kpi.read_actuals`). *out_of*
    is what the weights add up to; *missing* how rows without points count
    (``"zero"`` or ``"exclude"``); *fractions* what each grade and
    qualitative level earns; *gap* overrides the gap policy of every tiered
    indicator. *progress*, if given, is called as ``progress(done, total)``.

    Values that cannot be scored never raise: their rows say why. Raises
    :class:`~kpi.RubricReadError` or :class:`~kpi.ActualsReadError` for a
    file that cannot be read at all, and :class:`~kpi.PolicyError` or
    :class:`~kpi.ArgumentTypeError` for settings that are not valid.
    """
    grading = Grading.of(rubric, out_of=out_of, missing=missing, fractions=fractions, gap=gap)
    if not isinstance(actuals, Actuals):
        actuals = read_actuals(actuals)
    pairing = pair(grading.rubric.names, actuals)
    planned = sum(len(grading.rubric) + len(p.unmatched) for p in pairing.departments)
    done = 0
    departments: list[DepartmentReport] = []
    for paired in pairing.departments:
        rows: list[Row] = []
        for index, entry in enumerate(grading.rubric.entries):
            rows.append(grading.row(paired.department, index, paired.matched.get(entry.name)))
            done += 1
            if progress is not None:
                progress(done, planned)
        extra = [unmatched_row(a) for a in paired.unmatched]
        for found in paired.duplicates.values():
            extra.extend(duplicate_row(a, found[0]) for a in found[1:])
        done += len(paired.unmatched)
        if progress is not None and paired.unmatched:
            progress(done, planned)
        all_rows = (*rows, *extra)
        departments.append(grading.department(paired.department, all_rows, Tally.of(all_rows)))
    return grading.report(tuple(departments), actuals=actuals.source)


@attrs.define
class Tally:
    """What a department's total needs of its rows, added up one row at a
    time: the points earned, the weight of the rows that earned them, and
    how many rows of each status there are. The in-memory and the streaming
    evaluation (:mod:`kpi.stream`) both total a department from a tally.

    Rows of one indicator mostly earn one of a few amounts, so each amount
    is counted, and the exact sums are made when they are asked for.
    """

    counts: dict[Status, int] = attrs.field(factory=lambda: dict.fromkeys(Status, 0))
    _earned: Counter[Number] = attrs.field(factory=Counter, repr=False)
    _possible: Counter[Number] = attrs.field(factory=Counter, repr=False)

    @classmethod
    def of(cls, rows: Iterable[Row]) -> Tally:
        """The tally of *rows*."""
        tally = cls()
        for row in rows:
            tally.add(row)
        return tally

    def add(self, row: Row) -> None:
        """Count *row* in."""
        self.counts[row.status] += 1
        if row.points is not None and row.status.ok:
            self._earned[row.points] += 1
            if row.weight is not None:
                self._possible[row.weight] += 1

    @property
    def earned(self) -> Fraction:
        """The points earned, exactly."""
        return _added(self._earned)

    @property
    def possible(self) -> Fraction:
        """The weight of the rows that earned points, exactly."""
        return _added(self._possible)

    @property
    def unscored(self) -> int:
        """How many indicator rows were neither graded nor scored."""
        return self.counts[Status.MISSING] + self.counts[Status.ERROR]


def _added(counted: Counter[Number]) -> Fraction:
    """The exact sum of the amounts *counted*, each as often as counted."""
    return sum((to_fraction(amount) * times for amount, times in counted.items()), Fraction(0))


@attrs.frozen
class Grading:
    """The settings of one evaluation, checked, and what every department
    shares: the rubric, each entry's weight and target text, the sentence on
    the weights and the problems that forbid an overall grade. It builds
    the rows and the department totals for :func:`evaluate_rubric` and for
    the streaming evaluation (:mod:`kpi.stream`) alike."""

    rubric: Rubric
    out_of: Number
    missing: Missing
    fractions: Fractions
    gap: GapPolicy | None
    weights: tuple[Number | None, ...]
    targets: tuple[str, ...]
    weight_note: str
    problems: tuple[str, ...]
    shared: tuple[int, ...]
    """How many entries of the rubric have each entry's name."""
    regions: RegionScores = attrs.field(
        init=False,
        eq=False,
        repr=False,
        default=attrs.Factory(lambda self: RegionScores(self.fractions, self.gap), takes_self=True),
    )
    """The outcome of each region of each indicator, scored once (:mod:`kpi.region_scores`)."""

    @classmethod
    def of(
        cls,
        rubric: Rubric | str | os.PathLike[str],
        *,
        out_of: NumberLike = 100,
        missing: Missing | str = Missing.ZERO,
        fractions: Fractions | None = None,
        gap: GapPolicy | str | None = None,
    ) -> Grading:
        """Check the settings of :func:`evaluate_rubric` and read *rubric*."""
        policy = _as_missing(missing)
        total_points = exact_number(out_of, "out_of", ArgumentTypeError)
        if total_points <= 0:
            raise PolicyError(f"out_of must be more than 0, not {format_number(total_points)}")
        shares = fractions or default_fractions()
        if not isinstance(shares, Fractions):
            raise ArgumentTypeError(f"fractions must be a Fractions, not {type(shares).__name__}")
        if gap is not None:
            gap = GapPolicy(gap) if not isinstance(gap, GapPolicy) else gap
        if not isinstance(rubric, Rubric):
            rubric = read_rubric(rubric)
        weights, weight_note, weight_problems = _weights(rubric, total_points)
        counts = Counter(rubric.names)
        return cls(
            rubric,
            total_points,
            policy,
            shares,
            gap,
            tuple(weights),
            tuple(_target_text(e.indicator) for e in rubric.entries),
            weight_note,
            weight_problems,
            tuple(counts[e.name] for e in rubric.entries),
        )

    def row(self, department: str, index: int, actual: Actual | None) -> Row:
        """The row of the rubric's entry *index* in *department*, given its
        *actual* (None when there is none)."""
        entry = self.rubric.entries[index]
        row = _row(
            department,
            entry,
            self.targets[index],
            actual,
            self.weights[index],
            self.fractions,
            self.gap,
            (self.regions, index),
        )
        if self.shared[index] > 1:
            shared = (
                f"the rubric has {self.shared[index]} indicators named {entry.name}; "
                "the same actual value is used for each"
            )
            row = attrs.evolve(row, warnings=(*row.warnings, shared))
        return row

    def summary(self, department: str, tally: Tally) -> DepartmentSummary:
        """The summary of *department*, whose rows add up to *tally*."""
        total, grade, reason = _summary(
            tally, self.out_of, self.missing, self.weight_note, self.problems
        )
        return DepartmentSummary(
            department, total, self.out_of, grade, reason, self.problems, dict(tally.counts)
        )

    def department(self, department: str, rows: Sequence[Row], tally: Tally) -> DepartmentReport:
        """The report of *department*: its *rows*, which add up to *tally*."""
        found = self.summary(department, tally)
        return DepartmentReport(
            department,
            tuple(rows),
            found.total,
            self.out_of,
            found.grade,
            found.reason,
            self.problems,
        )

    def report(self, departments: tuple[DepartmentReport, ...], *, actuals: str) -> Report:
        """The report of *departments*, graded from the source named *actuals*."""
        return Report(
            departments,
            rubric=self.rubric.source,
            actuals=actuals,
            out_of=self.out_of,
            missing=self.missing,
            fractions=self.fractions,
            gap=self.gap,
            notes=self.rubric.errors,
        )


def _as_missing(missing: Missing | str) -> Missing:
    return choose(Missing, missing, "missing")


def _weights(rubric: Rubric, out_of: Number) -> tuple[list[Number | None], str, tuple[str, ...]]:
    """The weight of each entry, a sentence on where the weights came from,
    and the problems that forbid an overall grade."""
    given = [e.indicator.weight for e in rubric.entries]
    n = len(given)
    if n == 0:
        return [], "the rubric has no indicators", ("the rubric has no indicators",)
    if all(w is None for w in given):
        share = to_fraction(out_of) / n
        note = (
            f"the rubric gives no weights, so each of its {n} indicators weighs "
            f"{format_number(out_of)} / {n} = {shown_number(share)}"
        )
        return [exact_value(share)] * n, note, ()
    absent = [e.name for e, w in zip(rubric.entries, given, strict=True) if w is None]
    if absent:
        shown = ", ".join(absent[:5]) + (f" and {len(absent) - 5} more" if len(absent) > 5 else "")
        problem = (
            f"{len(absent)} of {n} indicators have no weight ({shown}); give every indicator "
            "a weight (分值), or none, so that the total can be graded"
        )
        return given, "weights as given in the rubric", (problem,)
    added = sum((to_fraction(w) for w in given if w is not None), Fraction(0))
    if added != to_fraction(out_of):
        problem = (
            f"the weights add up to {shown_number(added)}, not {format_number(out_of)}; "
            f"correct the weights (分值), or declare the total they add up to (out_of)"
        )
        return given, "weights as given in the rubric", (problem,)
    return given, f"weights as given in the rubric, adding up to {format_number(out_of)}", ()


def _target_text(indicator: Indicator) -> str:
    if indicator.is_tiered or indicator.target is None:
        return " | ".join(f"{g} {t}" for g, t in indicator.thresholds)
    return str(indicator.target) if indicator.reading is None else indicator.reading.text


def _row(
    department: str,
    entry: Entry,
    target: str,
    actual: Actual | None,
    weight: Number | None,
    fractions: Fractions,
    gap: GapPolicy | None,
    regions: tuple[RegionScores, int] | None = None,
) -> Row:
    """The row of *entry*; *regions* (scores by region, and the entry's key
    among them) answers plain values on tiered indicators without scoring
    each one again."""
    indicator = entry.indicator
    if regions is not None and actual is not None and weight is not None:
        # a plain value on a tiered indicator: none of the checks below applies
        by_region, key = regions
        fast = by_region.score(key, indicator, actual.value, weight)
        if fast is not None:
            return Row(
                department,
                entry.name,
                Status.GRADED,
                fast.reason,
                given=actual.value,
                value=fast.value,
                target=target,
                grade=fast.grade,
                points=fast.points,
                weight=weight,
                rule=fast.rule,
                reading=fast.reading,
                warnings=fast.warnings,
                activity=entry.activity,
                indicator=entry.location,
                actual=actual.location,
                note=actual.note,
            )

    def made(status: Status, reason: str, **found: Any) -> Row:
        """The row, built once (rows are many: no copies)."""
        given = {} if actual is None else _given(actual)
        return Row(
            department,
            entry.name,
            status,
            reason,
            target=target,
            weight=weight,
            activity=entry.activity,
            indicator=entry.location,
            **given,
            **found,
        )

    if not indicator.is_tiered and not indicator.has_target:
        return made(
            Status.ERROR,
            f"indicator {entry.name!r} has no thresholds and no target, "
            "so it cannot be graded; fill in its tiers or its target in the rubric",
        )
    if actual is None:
        return made(Status.MISSING, f"no actual value is given for {entry.name!r} in the actuals")
    if actual.is_empty:
        return made(
            Status.MISSING,
            f"the actual value of {entry.name!r} is empty{_at(actual.location)}",
        )
    if weight is None:
        return made(
            Status.ERROR, f"indicator {entry.name!r} has no weight (分值), so it earns no points"
        )
    try:
        found = score(indicator, actual.value, weight=weight, fractions=fractions, gap=gap)
    except KpiError as exc:
        return made(Status.ERROR, f"{exc}{_at(actual.location)}")
    return made(
        Status.GRADED if found.grade is not None else Status.SCORED,
        found.reason,
        value="" if found.value is None else str(found.value),
        grade=found.grade,
        points=found.points,
        rule=found.rule,
        reading=found.reading,
        warnings=found.warnings,
    )


def _given(actual: Actual) -> dict[str, Any]:
    """The fields of a row that come from its actual."""
    return {"given": actual.value, "actual": actual.location, "note": actual.note}


def _at(location: Location) -> str:
    """`` (file, row 3)`` for a known place, nothing for an unknown one."""
    return f" ({location})" if location != Location() else ""


def _indicators(count: int) -> str:
    return f"{count} indicator{'s' if count != 1 else ''}"


def unmatched_row(actual: Actual) -> Row:
    """The row of an actual that names no indicator of the rubric."""
    return Row(
        actual.department,
        actual.name,
        Status.UNMATCHED,
        f"{actual.name!r} names no indicator of the rubric, so its value is not scored "
        "(names are compared after folding full-width characters, spaces and brackets)",
        **_given(actual),
    )


def duplicate_row(actual: Actual, first: Actual) -> Row:
    """The row of *actual*, a second actual of the indicator whose first is *first*."""
    return Row(
        actual.department,
        actual.name,
        Status.DUPLICATE,
        f"a second actual value of {actual.name!r}; only the first, {first.value!r}"
        f"{_at(first.location)}, is scored",
        **_given(actual),
    )


def _summary(
    tally: Tally,
    out_of: Number,
    missing: Missing,
    weight_note: str,
    problems: tuple[str, ...],
) -> tuple[Number | None, Grade | None, str]:
    earned = tally.earned
    unscored = tally.unscored
    parts = [weight_note]
    total: Fraction | None
    if missing is Missing.ZERO or not unscored:
        total = earned
        if unscored:
            parts.append(
                f"{_indicators(unscored)} without points "
                f"earn{'s' if unscored == 1 else ''} 0 (missing policy 'zero')"
            )
    else:
        possible = tally.possible
        if possible == 0:
            total = None
            parts.append("no indicator could be scored, so there is no total")
        else:
            total = earned * to_fraction(out_of) / possible
            parts.append(
                f"{_indicators(unscored)} without points "
                f"{'is' if unscored == 1 else 'are'} left out (missing policy 'exclude'): "
                f"{shown_number(earned)} of "
                f"{shown_number(possible)} points, scaled to {format_number(out_of)}"
            )
    grade: Grade | None = None
    if total is None:
        pass
    elif problems:
        parts.append("no overall grade is given: " + "; ".join(problems))
    else:
        on_100 = total * 100 / to_fraction(out_of)
        evaluation = national_evaluation(on_100)
        assert isinstance(evaluation.grade, Grade)
        grade = evaluation.grade
        scale = "" if out_of == 100 else f" ({shown_number(on_100)} of 100)"
        parts.append(
            f"the total, {shown_number(total)} of {format_number(out_of)}{scale}, "
            f"is {grade} ({NATIONAL_BANDS[grade.name]}) by the bands of {NATIONAL_SOURCE}"
        )
    return None if total is None else exact_value(total), grade, "; ".join(parts) + "."
