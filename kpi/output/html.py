"""A report as one self-contained HTML page: inline CSS, an inline SVG chart
per department, no script and no reference to anything outside the file
(no font, stylesheet, image or link to fetch), so that it opens the same
with no network.

The page: a title naming the sources; a summary table when there are
several departments; then per department its overall grade (large), the
total out of what, the reason, a bar chart of the grades of its graded rows
(优 良 中 差, then any other grade labels) and of the rows without a grade
(scored, missing, error), and a table of every row. Rows that were not
graded or scored are marked by their status (a CSS class ``status-...``
per row, a coloured edge and a status label). Every text is escaped with
:func:`html.escape`. The font stack names CJK fonts first, so that Chinese
text renders with a font made for it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from html import escape

from kpi.grades import Grade
from kpi.output.records import (
    TITLE,
    Record,
    department_title,
    row_records,
    summary_record,
)
from kpi.report import DepartmentReport, Report, Status

__all__ = ["chart_svg", "render_html"]

FONTS = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", '
    '"PingFang SC", sans-serif'
)
"""The font stack: fonts made for simplified Chinese first, installed ones only."""

_GRADE_LABELS = tuple(grade.label for grade in Grade.grades())
_UNGRADED = (Status.SCORED, Status.MISSING, Status.ERROR)
_COLOURS = {
    "优": "#2f855a",
    "良": "#3182ce",
    "中": "#d69e2e",
    "差": "#c53030",
    Status.SCORED.value: "#718096",
    Status.MISSING.value: "#b7791f",
    Status.ERROR.value: "#9b2c2c",
}
_OTHER_GRADE_COLOUR = "#805ad5"

_STYLE = f"""
* {{ box-sizing: border-box; }}
body {{ font-family: {FONTS}; margin: 24px 32px; color: #1a202c; background: #ffffff;
  line-height: 1.5; font-size: 15px; }}
h1 {{ font-size: 34px; margin: 0 0 4px; }}
h2 {{ font-size: 26px; margin: 0 0 12px; }}
.sources {{ color: #4a5568; margin: 0 0 16px; }}
section.department {{ border-top: 3px solid #cbd5e0; margin-top: 28px; padding-top: 16px; }}
.overview {{ display: flex; align-items: center; gap: 28px; flex-wrap: wrap; margin-bottom: 8px; }}
.grade {{ width: 132px; height: 132px; border-radius: 18px; display: flex; flex-direction: column;
  align-items: center; justify-content: center; color: #ffffff; background: #718096; }}
.grade .label {{ font-size: 76px; font-weight: 700; line-height: 1; }}
.grade .caption {{ font-size: 14px; margin-top: 6px; }}
.grade-1 {{ background: {_COLOURS["优"]}; }}
.grade-2 {{ background: {_COLOURS["良"]}; }}
.grade-3 {{ background: {_COLOURS["中"]}; }}
.grade-4 {{ background: {_COLOURS["差"]}; }}
.total {{ font-size: 30px; }}
.total strong {{ font-size: 44px; }}
.reason {{ max-width: 70em; }}
.problems {{ color: #9b2c2c; font-weight: 600; }}
svg.chart {{ display: block; margin: 12px 0 16px; }}
svg.chart text {{ font-family: {FONTS}; font-size: 15px; fill: #1a202c; }}
table {{ border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px; }}
th, td {{ border: 1px solid #cbd5e0; padding: 4px 8px; vertical-align: top; text-align: left; }}
th {{ background: #edf2f7; }}
table.summary {{ width: auto; }}
td.number {{ text-align: right; white-space: nowrap; }}
td.status {{ font-weight: 600; white-space: nowrap; }}
tr.status-missing td {{ background: #fffbea; }}
tr.status-error td {{ background: #fff5f5; }}
tr.status-unmatched td, tr.status-duplicate td {{ background: #f7fafc; color: #4a5568; }}
tr.status-missing td:first-child {{ border-left: 5px solid {_COLOURS["missing"]}; }}
tr.status-error td:first-child {{ border-left: 5px solid {_COLOURS["error"]}; }}
tr.status-unmatched td:first-child, tr.status-duplicate td:first-child {{
  border-left: 5px solid #a0aec0; }}
tr.status-missing td.status {{ color: #975a16; }}
tr.status-error td.status {{ color: #9b2c2c; }}
.activity {{ display: block; color: #718096; font-size: 12px; }}
.notes li {{ color: #4a5568; }}
"""

_BAR = 24  # height of a bar of the chart
_STEP = 32  # from one bar to the next
_LABEL = 90  # room for the labels
_LENGTH = 400  # the longest bar
_WIDTH = _LABEL + _LENGTH + 60


def _text(value: str) -> str:
    return escape(value, quote=True)


def chart_svg(department: DepartmentReport, ident: str = "chart") -> str:
    """An inline ``<svg>`` bar chart of *department*'s rows: how many were
    graded 优, 良, 中 and 差 (then any other grade label, such as 优秀), and
    how many indicators got no grade (scored against a target, missing, in
    error). Each bar has its count as text. *ident* prefixes the ids the
    chart uses."""
    grades = Counter(
        row.grade.label
        for row in department.rows
        if row.status is Status.GRADED and row.grade is not None
    )
    labels = [*_GRADE_LABELS, *(g for g in grades if g not in _GRADE_LABELS)]
    counts = department.counts
    bars = [(label, grades[label], _COLOURS.get(label, _OTHER_GRADE_COLOUR)) for label in labels]
    bars += [(s.value, counts[s], _COLOURS[s.value]) for s in _UNGRADED]
    most = max((count for _, count, _ in bars), default=0) or 1
    height = _STEP * len(bars) + 12
    summary = ", ".join(f"{label} {count}" for label, count, _ in bars)
    parts = [
        f'<svg class="chart" role="img" width="{_WIDTH}" height="{height}" '
        f'viewBox="0 0 {_WIDTH} {height}" aria-labelledby="{ident}-title">',
        f'<title id="{ident}-title">{_text("rows by grade and status: " + summary)}</title>',
    ]
    for i, (label, count, colour) in enumerate(bars):
        y = 6 + i * _STEP
        if i == len(labels):  # a line between the grades and the rows without one
            parts.append(f'<line x1="0" x2="{_WIDTH}" y1="{y - 4}" y2="{y - 4}" stroke="#cbd5e0"/>')
        length = round(_LENGTH * count / most)
        middle = y + _BAR / 2 + 5
        parts.append(f'<text x="{_LABEL - 8}" y="{middle}" text-anchor="end">{_text(label)}</text>')
        parts.append(
            f'<rect x="{_LABEL}" y="{y}" width="{length}" height="{_BAR}" rx="3" fill="{colour}"/>'
        )
        parts.append(f'<text x="{_LABEL + length + 8}" y="{middle}">{count}</text>')
    parts.append("</svg>")
    return "\n".join(parts)


def _table(
    table_class: str,
    headers: Sequence[str],
    rows: Iterable[tuple[str, Sequence[tuple[str, str]]]],
) -> list[str]:
    """A table: *headers*, then rows of (row class, [(cell class, HTML)])."""
    lines = [
        f'<table class="{table_class}">',
        "<thead><tr>" + "".join(f"<th>{_text(h)}</th>" for h in headers) + "</tr>",
    ]
    lines.append("</thead><tbody>")
    for row_class, cells in rows:
        shown = "".join(
            f'<td class="{css}">{content}</td>' if css else f"<td>{content}</td>"
            for css, content in cells
        )
        lines.append(f'<tr class="{row_class}">{shown}</tr>')
    lines.append("</tbody></table>")
    return lines


def _row_cells(record: Record) -> tuple[str, list[tuple[str, str]]]:
    activity = record["activity"]
    name = _text(record["indicator"])
    if activity:
        name += f'<span class="activity">{_text(activity)}</span>'
    points = record["points"] or "—"
    weight = record["weight"] or "—"
    cells = [
        ("", name),
        ("", _text(record["target"])),
        ("", _text(record["actual"])),
        ("", _text(record["value"])),
        ("", _text(record["grade"])),
        ("number", f"{_text(points)} / {_text(weight)}"),
        ("status", _text(record["status"])),
        ("", _text(record["reason"])),
        ("", _text(record["warnings"])),
    ]
    return f"status-{record['status']}", cells


_ROW_HEADERS = (
    "indicator",
    "target",
    "actual",
    "value",
    "grade",
    "points / weight",
    "status",
    "reason",
    "warnings",
)
_SUMMARY_HEADERS = ("department", "total", "grade", *(s.value for s in Status))


def _summary(report: Report) -> list[str]:
    rows = []
    for number, department in enumerate(report, 1):
        record = summary_record(department)
        link = (
            f'<a href="#department-{number}">{_text(department_title(department.department))}</a>'
        )
        total = f"{_text(record['total'] or '—')} / {_text(record['out_of'])}"
        cells = [("", link), ("number", total), ("", _text(record["grade"] or "—"))]
        cells += [("number", record[s.value]) for s in Status]
        rows.append(("", cells))
    return ["<h2>Summary</h2>", *_table("summary", _SUMMARY_HEADERS, rows)]


def _department(department: DepartmentReport, number: int) -> list[str]:
    record = summary_record(department)
    grade = department.grade
    badge_class = f"grade grade-{grade.rank}" if grade is not None else "grade"
    label = grade.label if grade is not None else "—"
    caption = "overall grade" if grade is not None else "no overall grade"
    total = record["total"] or "none"
    lines = [
        f'<section class="department" id="department-{number}">',
        f"<h2>{_text(department_title(department.department))}</h2>",
        '<div class="overview">',
        f'<div class="{badge_class}"><span class="label">{_text(label)}</span>'
        f'<span class="caption">{caption}</span></div>',
        f'<div class="total">Total <strong>{_text(total)}</strong> of {_text(record["out_of"])}'
        "</div>",
        "</div>",
        f'<p class="reason">{_text(department.reason)}</p>',
    ]
    lines += [f'<p class="problems">{_text(problem)}</p>' for problem in department.problems]
    lines.append(chart_svg(department, f"chart-{number}"))
    lines += _table("rows", _ROW_HEADERS, (_row_cells(r) for r in row_records(department)))
    lines.append("</section>")
    return lines


def render_html(report: Report) -> str:
    """The HTML page of *report*, ending with a newline."""
    sources = [f"rubric: <b>{_text(report.rubric or '(not named)')}</b>"]
    sources.append(f"actuals: <b>{_text(report.actuals or '(not named)')}</b>")
    sources.append(f"missing policy: {_text(report.missing.value)}")
    title = " — ".join(part for part in (TITLE, report.rubric, report.actuals) if part)
    lines = [
        "<!doctype html>",
        '<html lang="zh-CN">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_text(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_text(TITLE)}</h1>",
        f'<p class="sources">{" · ".join(sources)}</p>',
    ]
    if len(report) > 1:
        lines += _summary(report)
    for number, department in enumerate(report, 1):
        lines += _department(department, number)
    if report.notes:
        lines += ['<section class="notes">', "<h2>Notes</h2>", "<ul>"]
        lines += [f"<li>{_text(str(note))}</li>" for note in report.notes]
        lines += ["</ul>", "</section>"]
    lines += ["</body>", "</html>"]
    return "\n".join(lines) + "\n"
