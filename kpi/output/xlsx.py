"""A report as an Excel workbook (``.xlsx``), through openpyxl (the optional
extra ``kpi[xlsx]``).

The first sheet, ``summary``, has one row per department
(:data:`~kpi.output.records.SUMMARY_COLUMNS`); then each department has a
sheet of its rows (:data:`~kpi.output.records.ROW_COLUMNS` but the
department) with its total and overall grade in a bold row at the bottom.
Header rows are bold and frozen. Points, weights, totals and counts are
numbers, every other cell is text, even one that starts with ``=`` (a
target such as ``=100%`` is not a formula). Characters a workbook cannot
hold (control characters) become U+FFFD.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from kpi.errors import MissingExtraError
from kpi.extras import require
from kpi.output.records import (
    ROW_COLUMNS,
    SUMMARY_COLUMNS,
    Record,
    row_records,
    summary_records,
    total_record,
)
from kpi.report import Report, Status

__all__ = ["SUMMARY_SHEET", "render_xlsx", "sheet_name"]

SUMMARY_SHEET = "summary"
"""The name of the first sheet."""

UNNAMED_SHEET = "report"
"""The sheet name of the department ``""`` (actuals that name no department)."""

_MAX_NAME = 31
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_RESERVED = {"history"}  # Excel keeps this sheet name for itself
_DECIMAL_COLUMNS = {"points", "weight", "total", "out_of"}
_COUNT_COLUMNS = {status.value for status in Status}
_ROW_SHEET_COLUMNS = tuple(c for c in ROW_COLUMNS if c != "department")
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_MIN_WIDTH, _MAX_WIDTH = 8, 60


def sheet_name(department: str, taken: set[str]) -> str:
    """A sheet name for *department* that Excel accepts and that is not in
    *taken*, a set of casefolded names (Excel compares names without case);
    the new name is added to it. Forbidden characters (``[]:*?/\\``) become ``_``, leading and
    trailing apostrophes are dropped, names are cut to 31 characters, and a
    name already taken gets `` (2)``, `` (3)``, ...

    >>> taken = {"summary"}
    >>> sheet_name("", taken), sheet_name("a/b: c", taken), sheet_name("SUMMARY", taken)
    ('report', 'a_b_ c', 'SUMMARY (2)')
    >>> len(sheet_name("很" * 40, taken))
    31
    """
    base = _FORBIDDEN.sub("_", department).strip(" '")[:_MAX_NAME].strip(" '") or UNNAMED_SHEET
    name, number = base, 1
    while name.casefold() in taken or name.casefold() in _RESERVED:
        number += 1
        suffix = f" ({number})"
        name = base[: _MAX_NAME - len(suffix)] + suffix
    taken.add(name.casefold())
    return name


def render_xlsx(report: Report) -> bytes:
    """The bytes of the ``.xlsx`` workbook of *report*.

    Raises :class:`~kpi.MissingExtraError` when openpyxl is not installed.
    """
    try:
        openpyxl: Any = require("openpyxl")
    except MissingExtraError:
        raise MissingExtraError(
            "writing .xlsx reports needs the openpyxl package: pip install 'kpi[xlsx]'"
        ) from None
    workbook = openpyxl.Workbook()
    workbook.properties.creator = "kpi"
    summary = workbook.active
    summary.title = SUMMARY_SHEET
    _fill(summary, SUMMARY_COLUMNS, summary_records(report), openpyxl)
    taken = {SUMMARY_SHEET}
    for department in report:
        sheet = workbook.create_sheet(sheet_name(department.department, taken))
        total = total_record(department)
        _fill(sheet, _ROW_SHEET_COLUMNS, [*row_records(department), total], openpyxl)
        for cell in sheet[sheet.max_row]:
            cell.font = openpyxl.styles.Font(bold=True)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _fill(sheet: Any, columns: Sequence[str], records: Sequence[Record], openpyxl: Any) -> None:
    bold = openpyxl.styles.Font(bold=True)
    widths = [_width(column) for column in columns]
    for number, column in enumerate(columns, 1):
        sheet.cell(row=1, column=number, value=column).font = bold
    for row, record in enumerate(records, 2):
        for number, column in enumerate(columns, 1):
            text = record[column]
            cell = sheet.cell(row=row, column=number, value=_value(column, text))
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text, even when it starts with "="
            widths[number - 1] = max(widths[number - 1], _width(text))
    sheet.freeze_panes = "A2"
    letter = openpyxl.utils.get_column_letter
    for number, width in enumerate(widths, 1):
        sheet.column_dimensions[letter(number)].width = min(max(width, _MIN_WIDTH), _MAX_WIDTH) + 2


def _value(column: str, text: str) -> str | int | Decimal | None:
    if not text:
        return None
    if column in _DECIMAL_COLUMNS:
        return Decimal(text)
    if column in _COUNT_COLUMNS:
        return int(text)
    return _ILLEGAL.sub("\ufffd", text)


def _width(text: str) -> int:
    """Columns the text takes: wide (Chinese) characters count 2."""
    line = max(text.splitlines() or [""], key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)
