"""A report as flat records: the one place that names the columns of every
report format and writes its numbers.

A record is a ``dict[str, str]``: every value is text, ``""`` where there is
nothing (no grade, no points, no location). Column names are English
identifiers; the values keep the rubric's own words (indicator names, 优/良/中/差,
指标值) as they are.

:func:`row_records` gives one record per row of the report (:data:`ROW_COLUMNS`),
:func:`summary_records` one per department (:data:`SUMMARY_COLUMNS`), and
:func:`total_record` a row-shaped record that carries a department's total.

>>> import kpi
>>> rubric = kpi.Rubric([kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"])])
>>> report = kpi.evaluate_rubric(rubric, {"会议保障率": "92%"})
>>> record = row_records(report)[0]
>>> record["indicator"], record["grade"], record["points"], record["weight"], record["status"]
('会议保障率', '良', '80', '100', 'graded')
>>> summary_records(report)[0]["total"], summary_records(report)[0]["grade"]
('80', '良')
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from kpi.exact import as_decimal, format_number, round_half_away
from kpi.location import Location
from kpi.report import DepartmentReport, DepartmentSummary, Report, Row, Status
from kpi.scoring import Number
from kpi.target import Rule

__all__ = [
    "PLACES",
    "ROW_COLUMNS",
    "SUMMARY_COLUMNS",
    "TITLE",
    "TOTAL_STATUS",
    "UNNAMED_DEPARTMENT",
    "Record",
    "department_title",
    "location_text",
    "number_text",
    "row_cells",
    "row_record",
    "row_records",
    "summary_record",
    "summary_records",
    "total_record",
]

Record = dict[str, str]
"""One flat record: column name to text."""

PLACES = 6
"""Decimal places of a number that is not a finite decimal (such as 2/3)."""

TOTAL_STATUS = "total"
"""The status of the record that carries a department's total."""

ROW_COLUMNS: tuple[str, ...] = (
    "department",
    "indicator",
    "activity",
    "target",
    "actual",
    "value",
    "grade",
    "points",
    "weight",
    "status",
    "rule",
    "reading",
    "reason",
    "warnings",
    "note",
    "rubric_location",
    "actuals_location",
)
"""The columns of a row record, in order.

``actual`` is the value as given, ``value`` as read (in the indicator's
unit); ``rule`` the name of the scoring rule (``TIERED``, ...);
``rubric_location`` where the indicator is in the rubric and
``actuals_location`` where the value is in the actuals file."""

SUMMARY_COLUMNS: tuple[str, ...] = (
    "department",
    "total",
    "out_of",
    "grade",
    *(status.value for status in Status),
    "reason",
    "problems",
)
"""The columns of a department's summary record, in order; ``graded`` ...
``duplicate`` count the department's rows of each status."""

TITLE = "kpi report"
"""The title of a report."""

UNNAMED_DEPARTMENT = "(no department)"
"""How the department ``""`` (actuals that name none) is shown."""

SEPARATOR = "; "
"""Joins the items of a list (warnings, problems) in one field."""


@functools.lru_cache(maxsize=4096, typed=True)  # points and weights repeat on every row
def number_text(value: Number | None) -> str:
    """*value* as a plain decimal string, exact when it is a finite decimal;
    a fraction that is not one (such as 2/3) is rounded half away from zero
    to :data:`PLACES` (6) decimal places. ``""`` for ``None``.

    >>> from decimal import Decimal
    >>> from fractions import Fraction
    >>> number_text(Decimal("4.50")), number_text(Fraction(1, 8)), number_text(Fraction(2, 3))
    ('4.5', '0.125', '0.666667')
    >>> number_text(Decimal("1E+2")), number_text(None)
    ('100', '')
    """
    if value is None:
        return ""
    exact = as_decimal(value)
    return format_number(exact if exact is not None else round_half_away(value, PLACES))


def location_text(place: Location) -> str:
    """Where something is, as text; ``""`` for an unknown place.

    >>> location_text(Location("seed.txt", row=118, row_word="line")), location_text(Location())
    ('seed.txt, line 118', '')
    """
    if place.file or place.sheet or place.row is not None or place.column:
        return str(place)
    return ""


def department_title(department: str) -> str:
    """How a department is named in headings and tables: its name, or
    :data:`UNNAMED_DEPARTMENT` for ``""``."""
    return department or UNNAMED_DEPARTMENT


def row_cells(row: Row) -> tuple[str, ...]:
    """One row of a report as the texts of the :data:`ROW_COLUMNS`, in order."""
    return (
        row.department,
        row.name,
        row.activity,
        row.target,
        row.given,
        row.value,
        "" if row.grade is None else row.grade.label,
        number_text(row.points),
        number_text(row.weight),
        _STATUS_TEXT[row.status],
        "" if row.rule is None else _RULE_TEXT[row.rule],
        row.reading or "",
        row.reason,
        SEPARATOR.join(row.warnings),
        row.note,
        _rubric_place(row.indicator),
        location_text(row.actual),
    )


# Looked up once (enum members' .value and .name are properties).
_STATUS_TEXT = {status: status.value for status in Status}
_RULE_TEXT = {rule: rule.name for rule in Rule}


@functools.lru_cache(maxsize=4096)
def _rubric_place(place: Location) -> str:
    """:func:`location_text` of an indicator's place in the rubric, which
    every department's row of it repeats."""
    return location_text(place)


def row_record(row: Row) -> Record:
    """One row of a report as a record with the :data:`ROW_COLUMNS`."""
    return dict(zip(ROW_COLUMNS, row_cells(row), strict=True))


def row_records(report: Report | DepartmentReport) -> list[Record]:
    """Every row of *report* (every department, in order) as records."""
    rows: Sequence[Row] = report.rows
    return [row_record(row) for row in rows]


def total_record(department: DepartmentReport | DepartmentSummary) -> Record:
    """A record with the :data:`ROW_COLUMNS` that carries a department's
    total: status ``"total"``, the total as ``points``, what it is out of as
    ``weight``, the overall grade and the department's reason."""
    record = dict.fromkeys(ROW_COLUMNS, "")
    record.update(
        department=department.department,
        grade="" if department.grade is None else department.grade.label,
        points=number_text(department.total),
        weight=number_text(department.out_of),
        status=TOTAL_STATUS,
        reason=department.reason,
    )
    return record


def summary_record(department: DepartmentReport | DepartmentSummary) -> Record:
    """One department's summary as a record with the :data:`SUMMARY_COLUMNS`."""
    counts = department.counts
    return {
        "department": department.department,
        "total": number_text(department.total),
        "out_of": number_text(department.out_of),
        "grade": "" if department.grade is None else department.grade.label,
        **{status.value: str(counts[status]) for status in Status},
        "reason": department.reason,
        "problems": SEPARATOR.join(department.problems),
    }


def summary_records(report: Report) -> list[Record]:
    """One summary record per department of *report*, in order."""
    return [summary_record(department) for department in report]
