"""Writing a :class:`~kpi.Report` to a file: CSV, JSON, XLSX, Markdown or HTML.

The format comes from the file's suffix (``.csv``, ``.json``, ``.xlsx``,
``.md``, ``.html`` or ``.htm``) or from ``format=``. Every format is built
from the same records (:mod:`kpi.output.records`), so the columns and the
numbers are the same in each, and every file is written atomically
(:func:`kpi.atomic.write_atomically`): on any failure the file that was
there is left as it was. XLSX needs the extra ``kpi[xlsx]``.

>>> import kpi
>>> rubric = kpi.Rubric([kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"])])
>>> report = kpi.evaluate_rubric(rubric, {"会议保障率": "92%"})
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as folder:
...     path = write_report(report, Path(folder) / "report.html")
...     print(path.name, path.read_text(encoding="utf-8").splitlines()[:2])
report.html ['<!doctype html>', '<html lang="zh-CN">']
>>> render_report(report, "md").decode("utf-8").splitlines()[0]
'# kpi report'
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from kpi.atomic import write_atomically
from kpi.errors import ReportWriteError
from kpi.output.delimited import render_csv
from kpi.output.html import render_html
from kpi.output.json import render_json
from kpi.output.markdown import render_markdown
from kpi.output.xlsx import render_xlsx
from kpi.report import Report

__all__ = [
    "REPORT_FORMATS",
    "render_report",
    "report_format",
    "unencodable",
    "write_report",
]

REPORT_FORMATS = ("csv", "json", "xlsx", "md", "html")
"""The formats :func:`write_report` writes."""

SUFFIXES: dict[str, str] = {
    ".csv": "csv",
    ".json": "json",
    ".xlsx": "xlsx",
    ".md": "md",
    ".html": "html",
    ".htm": "html",
}
"""File suffix (lower case) to format."""

_TEXT_FORMATS: dict[str, tuple[Callable[[Report], str], str]] = {
    "csv": (render_csv, "utf-8-sig"),
    "json": (render_json, "utf-8"),
    "md": (render_markdown, "utf-8"),
    "html": (render_html, "utf-8"),
}
_EXPECTED_SUFFIXES = ", ".join(SUFFIXES)
_EXPECTED_FORMATS = ", ".join(repr(f) for f in REPORT_FORMATS)


def report_format(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format to write *path* in: *format* when given, else the one its
    suffix names. Raises :class:`~kpi.ReportWriteError` for an unknown
    format or a suffix that names none.

    >>> report_format("out/report.HTM"), report_format("report.txt", format="md")
    ('html', 'md')
    """
    target = Path(path)
    if format is not None:
        if format not in REPORT_FORMATS:
            raise ReportWriteError(
                f"cannot write report {str(target)!r}: unknown report format {format!r}; "
                f"expected one of {_EXPECTED_FORMATS}"
            )
        return format
    suffix = target.suffix
    found = SUFFIXES.get(suffix.lower())
    if found is None:
        named = f"the suffix {suffix!r}" if suffix else "no suffix"
        raise ReportWriteError(
            f"cannot write report {str(target)!r}: cannot tell the format from its name, "
            f"which has {named}; expected a name ending in {_EXPECTED_SUFFIXES}, "
            f"or format= one of {_EXPECTED_FORMATS}"
        )
    return found


def render_report(report: Report, format: str) -> bytes:
    """The bytes of *report* in *format* (one of :data:`REPORT_FORMATS`):
    UTF-8 text (CSV with a byte order mark), or the XLSX workbook.

    Raises :class:`~kpi.ReportWriteError` for an unknown format or a text
    UTF-8 cannot store, :class:`~kpi.MissingExtraError` for XLSX without
    openpyxl.
    """
    return _render(report, format, "report")


def write_report(
    report: Report, path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Write *report* to *path*, atomically, in *format* or else the format
    its suffix names (:func:`report_format`); returns the path written.

    Raises :class:`~kpi.ReportWriteError` for an unknown format or a path
    that cannot be written (the message names the path); the file at *path*
    is then unchanged and nothing else is left in its folder.
    """
    target = Path(path)
    fmt = report_format(target, format)
    data = _render(report, fmt, f"report {str(target)!r}")
    try:
        write_atomically(target, lambda out: out.write(data))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ReportWriteError(f"cannot write report {str(target)!r}: {reason}") from None
    return target


def _render(report: Report, format: str, about: str) -> bytes:
    if format == "xlsx":
        return render_xlsx(report)
    found = _TEXT_FORMATS.get(format)
    if found is None:
        raise ReportWriteError(
            f"cannot write {about}: unknown report format {format!r}; "
            f"expected one of {_EXPECTED_FORMATS}"
        )
    render, encoding = found
    try:
        return render(report).encode(encoding)
    except UnicodeEncodeError as exc:
        raise unencodable(about, exc) from None


def unencodable(about: str, exc: UnicodeEncodeError) -> ReportWriteError:
    """The error of a report with a text that UTF-8 cannot store; *about*
    names the report (``report 'out.csv'``)."""
    return ReportWriteError(
        f"cannot write {about}: the text {exc.object[exc.start : exc.end]!r} "
        "is not a character UTF-8 can store (a lone surrogate)"
    )
