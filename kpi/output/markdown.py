"""A report as Markdown (GitHub-flavoured tables): a title naming the
sources, a summary table when there are several departments, then per
department a section with its total and grade, the reason, and a table of
its rows.

Cells are escaped so that no text breaks the table: ``\\`` and ``|`` get a
backslash, line breaks become ``<br>``, and a ``<`` that could open an HTML
tag becomes ``&lt;`` (``<80%`` stays as it is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from kpi.output.records import TITLE, Record, department_title, row_records, summary_record
from kpi.report import DepartmentReport, Report

__all__ = ["escape_cell", "render_markdown"]

_SUMMARY = (
    ("department", "department"),
    ("total", "total"),
    ("out_of", "out of"),
    ("grade", "grade"),
    ("graded", "graded"),
    ("scored", "scored"),
    ("missing", "missing"),
    ("error", "error"),
    ("unmatched", "unmatched"),
    ("duplicate", "duplicate"),
)
_ROWS = (
    ("indicator", "indicator"),
    ("target", "target"),
    ("actual", "actual"),
    ("value", "value"),
    ("grade", "grade"),
    ("points", "points"),
    ("weight", "weight"),
    ("status", "status"),
    ("reason", "reason"),
    ("warnings", "warnings"),
)
_NUMERIC = {"total", "out_of", "points", "weight", "graded", "scored", "missing", "error"}
_NUMERIC |= {"unmatched", "duplicate"}
_TAG = re.compile(r"<(?=[A-Za-z/!?])")


def escape_cell(text: str) -> str:
    r"""*text* made safe for a cell of a Markdown table.

    >>> print(escape_cell("a|b\\c\nd <b> <80%"))
    a\|b\\c<br>d &lt;b> <80%
    """
    text = _TAG.sub("&lt;", text.replace("\\", "\\\\").replace("|", "\\|"))
    return "<br>".join(text.splitlines())


def _table(columns: Sequence[tuple[str, str]], records: Iterable[Record]) -> list[str]:
    lines = [
        "| " + " | ".join(label for _, label in columns) + " |",
        "|" + "|".join("---:" if key in _NUMERIC else "---" for key, _ in columns) + "|",
    ]
    lines.extend(
        "| " + " | ".join(escape_cell(record[key]) for key, _ in columns) + " |"
        for record in records
    )
    return lines


def _total_line(department: DepartmentReport) -> str:
    summary = summary_record(department)
    total = summary["total"] or "none"
    grade = summary["grade"] or "none"
    return f"**Total: {escape_cell(total)} of {escape_cell(summary['out_of'])} · grade: {grade}**"


def render_markdown(report: Report) -> str:
    """The Markdown text of *report*, ending with a newline."""
    lines = [f"# {TITLE}", ""]
    lines.append(f"- rubric: {escape_cell(report.rubric) or '(not named)'}")
    lines.append(f"- actuals: {escape_cell(report.actuals) or '(not named)'}")
    lines.append(f"- missing policy: {report.missing.value}")
    lines.append("")
    if len(report) > 1:
        lines.extend(["## Summary", ""])
        records = [summary_record(d) for d in report]
        for record in records:
            record["department"] = department_title(record["department"])
        lines.extend([*_table(_SUMMARY, records), ""])
    for department in report:
        lines.extend([f"## {escape_cell(department_title(department.department))}", ""])
        lines.extend([_total_line(department), "", escape_cell(department.reason), ""])
        lines.extend([*_table(_ROWS, row_records(department)), ""])
    if report.notes:
        lines.extend(["## Notes", ""])
        lines.extend(f"- {escape_cell(str(note))}" for note in report.notes)
        lines.append("")
    return "\n".join(lines)
