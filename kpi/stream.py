"""A year-end evaluation that streams: actual values are read, graded and
handed on one at a time, so that memory does not grow with the number of
rows.

:class:`Evaluation` consumes the actuals of :func:`kpi.actuals.iter_actuals`
and yields the rows of the report as soon as each is known; the rows and
the totals are built by :class:`kpi.report.Grading`, exactly as
:func:`kpi.evaluate_rubric` builds them, so the same inputs give the same
rows and the same department totals. Per department it keeps only what the
totals need (a :class:`~kpi.report.Tally`) and, per indicator of the
rubric, the position of its first actual in the input (8 bytes): never the
actuals or the rows themselves.

The order of the rows differs from the report's (documented in
docs/evaluation.md, "Streaming"):

1. while reading, in the order of the actuals: the row of an indicator as
   soon as its first actual is read (every indicator of that name, in
   rubric order), and the row of an actual that names no indicator;
2. then, per department in the order they first appear, the indicators
   that got no actual (missing, or an error when they cannot be graded at
   all), in rubric order;
3. last, the second (third, ...) actuals of an indicator (duplicates), in
   the order read. Their reason names the first actual's value, which is
   not kept: when there are duplicates, the actuals are read a second time
   to find the first ones. The duplicates themselves are kept until then
   (there are few, in a file that is not broken).

After the rows, ``departments`` gives each department's summary.

>>> import kpi
>>> rubric = kpi.Rubric([
...     kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=60),
...     kpi.Indicator("公文差错率", target="≤0.1‰", weight=40),
... ])
>>> evaluation = Evaluation(rubric, {"公文差错率": "0.02%", "会议保障率": "92%"})
>>> [(row.name, row.status.value, row.points) for row in evaluation]
[('公文差错率', 'scored', Decimal('20')), ('会议保障率', 'graded', Decimal('48'))]
>>> summary = evaluation.departments[0]
>>> summary.total, summary.grade, summary.counts[kpi.Status.SCORED]
(Decimal('68'), Grade.中, 1)
"""

from __future__ import annotations

import os
from array import array
from collections.abc import Callable, Iterator, Mapping
from typing import BinaryIO

from kpi.actuals import Actual, Actuals, ActualsStream, iter_actuals, match_name
from kpi.policy import GapPolicy
from kpi.report import (
    DepartmentSummary,
    Grading,
    Missing,
    Report,
    Row,
    Status,
    Tally,
    duplicate_row,
    unmatched_row,
)
from kpi.rubric import Rubric
from kpi.scoring import Fractions, NumberLike

__all__ = ["Evaluation"]

_Order = tuple[int, ...]
"""Where a row stands in the report (:func:`kpi.evaluate_rubric`'s order)."""


class _Department:
    """What is kept of one department while streaming."""

    __slots__ = ("first", "name", "order", "tally")

    def __init__(self, name: str, order: int, keys: int) -> None:
        self.name = name
        self.order = order
        self.tally = Tally()
        self.first = array("Q", bytes(8 * keys))
        """Per match key of the rubric: the position (from 1) of its first actual, 0 for none."""


class Evaluation:
    """The streaming evaluation of *actuals* against *rubric*: an iterator
    of the rows (it can be iterated once), then ``departments``.

    *rubric* and the settings are those of :func:`kpi.evaluate_rubric`;
    *actuals* is what :func:`kpi.actuals.iter_actuals` reads (a CSV/TSV
    path is streamed), or an :class:`~kpi.actuals.ActualsStream`. *keep*
    rows are kept, with their place in the report, so that a small report
    can be had whole (:meth:`report`) without a second evaluation.
    ``read`` counts the actuals read so far, ``rows`` the rows given;
    *progress*, if given, is called with the number of rows given so far,
    duplicates left out (as :func:`kpi.evaluate_rubric` counts them).
    """

    def __init__(
        self,
        rubric: Rubric | Grading | str | os.PathLike[str],
        actuals: ActualsStream | Actuals | Mapping[str, object] | str | os.PathLike[str] | BinaryIO,
        *,
        out_of: NumberLike = 100,
        missing: Missing | str = Missing.ZERO,
        fractions: Fractions | None = None,
        gap: GapPolicy | str | None = None,
        keep: int = 0,
        progress: Callable[[int], None] | None = None,
    ) -> None:
        self.grading = (
            rubric
            if isinstance(rubric, Grading)
            else Grading.of(rubric, out_of=out_of, missing=missing, fractions=fractions, gap=gap)
        )
        self.actuals = actuals if isinstance(actuals, ActualsStream) else iter_actuals(actuals)
        self.keep = keep
        self.progress = progress
        self._counted = 0
        self.read = 0
        self.rows = 0
        self.kept: list[tuple[_Order, Row]] = []
        self._departments: dict[str, _Department] = {}
        self._finished = False
        self._rows = self._generate()
        names = self.grading.rubric.names
        distinct = list(dict.fromkeys(names))
        self._key_of: dict[str, int] = {}
        for name in distinct:
            self._key_of.setdefault(match_name(name), len(self._key_of))
        self._entry_key = [self._key_of[match_name(name)] for name in names]
        self._entries: list[list[int]] = [[] for _ in self._key_of]
        for index, key in enumerate(self._entry_key):
            self._entries[key].append(index)
        # the distinct names of each key, by their place among the distinct
        # names: each names its own duplicate rows (as kpi.actuals.pair does)
        self._names: list[list[int]] = [[] for _ in self._key_of]
        for place, name in enumerate(distinct):
            self._names[self._key_of[match_name(name)]].append(place)

    def __iter__(self) -> Iterator[Row]:
        return self

    def __next__(self) -> Row:
        return next(self._rows)

    def _generate(self) -> Iterator[Row]:
        duplicates: list[tuple[Actual, int, _Department, int]] = []
        for actual in self.actuals:
            self.read += 1
            department = self._department(actual.department)
            key = self._key_of.get(actual.key)
            if key is None:
                yield self._add(department, (1, 0, self.read), unmatched_row(actual))
            elif department.first[key]:
                duplicates.append((actual, self.read, department, key))
            else:
                department.first[key] = self.read
                for index in self._entries[key]:
                    row = self.grading.row(department.name, index, actual)
                    yield self._add(department, (0, index), row)
        if not self._departments:
            self._department("")
        for department in self._departments.values():
            for index, key in enumerate(self._entry_key):
                if not department.first[key]:
                    row = self.grading.row(department.name, index, None)
                    yield self._add(department, (0, index), row)
        if duplicates:
            firsts = self._firsts({d.first[key] for _, _, d, key in duplicates})
            for actual, place, department, key in duplicates:
                first = firsts[department.first[key]]
                for name in self._names[key]:
                    yield self._add(department, (2, name, place), duplicate_row(actual, first))
        self._finished = True

    def _department(self, name: str) -> _Department:
        found = self._departments.get(name)
        if found is None:
            found = _Department(name, len(self._departments), len(self._key_of))
            self._departments[name] = found
        return found

    def _add(self, department: _Department, order: _Order, row: Row) -> Row:
        department.tally.add(row)
        self.rows += 1
        if self.progress is not None and row.status is not Status.DUPLICATE:
            self._counted += 1
            self.progress(self._counted)
        if len(self.kept) <= self.keep:
            self.kept.append(((department.order, *order), row))
        return row

    def _firsts(self, places: set[int]) -> dict[int, Actual]:
        """The actuals at *places* (from 1), read again."""
        found: dict[int, Actual] = {}
        for place, actual in enumerate(self.actuals, start=1):
            if place in places:
                found[place] = actual
                if len(found) == len(places):
                    break
        if len(found) != len(places):
            raise RuntimeError("the actuals changed while they were read a second time")
        return found

    @property
    def departments(self) -> tuple[DepartmentSummary, ...]:
        """The summary of each department, in the order they first appear;
        there is one, ``""``, when the actuals are empty. Known once every
        row has been read."""
        if not self._finished:
            raise RuntimeError("the departments are known once every row has been read")
        return tuple(self.grading.summary(d.name, d.tally) for d in self._departments.values())

    def report(self) -> Report | None:
        """The whole :class:`~kpi.Report`, as :func:`kpi.evaluate_rubric`
        gives it, when it has at most ``keep`` rows; None when it has more.
        Known once every row has been read."""
        if not self._finished:
            raise RuntimeError("the report is known once every row has been read")
        if self.rows > self.keep:
            return None
        rows: dict[str, list[Row]] = {name: [] for name in self._departments}
        for _, row in sorted(self.kept, key=lambda kept: kept[0]):
            rows[row.department].append(row)
        departments = tuple(
            self.grading.department(d.name, rows[d.name], d.tally)
            for d in self._departments.values()
        )
        return self.grading.report(departments, actuals=self.actuals.source)
