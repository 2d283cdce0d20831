"""The ``kpi`` command (``python -m kpi`` is the same).

* ``kpi grade RUBRIC ACTUALS [-o REPORT ...]`` grades the actual values of
  one or more departments against a rubric: a table per department (the
  indicator, its target or tiers, the actual, the grade or points, and the
  reason), the total and its overall grade, a summary when there are
  several departments; ``-o`` writes the report as CSV, JSON, XLSX,
  Markdown or HTML (by the file's suffix). Exits 0 when every indicator is
  graded or scored, every actual matched and every department has an
  overall grade; 1 when not; 2 when a file cannot be read or written.
* ``kpi demo [-o REPORT]`` grades the bundled example, the seed's
  部门职责-工作活动绩效目标 table, against bundled sample values, prints it
  like ``kpi grade`` and writes the report (``kpi-demo-report.html``).
* ``kpi parse TEXT`` prints the canonical form of a rubric cell and how each
  part of it was read;
* ``kpi lint RUBRIC`` prints what is wrong with a rubric file, and exits
  with status 1 when any finding is an error.

Tables are drawn with :mod:`rich`. When standard output is not a terminal
(a pipe, a file, a test), the text is plain: no colours or other terminal
codes, and 120 columns wide whatever the environment says. Progress is
shown on standard error.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TextIO

from rich import box
from rich.console import Console, Group, RenderableType
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table
from rich.text import Text

from kpi.actuals import Actuals, ActualsStream, iter_actuals, match_name, read_actuals
from kpi.demo import EXPECTED_FAILURES, run_demo
from kpi.diagnostics import Severity
from kpi.errors import KpiError, ReportWriteError
from kpi.exact import format_number, round_half_away
from kpi.explain import explain
from kpi.grades import Grade
from kpi.lint import lint
from kpi.parser import parse
from kpi.policy import GapPolicy
from kpi.read import read_rubric
from kpi.report import (
    DepartmentReport,
    DepartmentSummary,
    Grading,
    Missing,
    Report,
    Row,
    Status,
    evaluate_rubric,
)
from kpi.rubric import Rubric
from kpi.scoring import Number
from kpi.stream import Evaluation

__all__ = ["AUTO_PROGRESS_ROWS", "DETAILS_ROWS", "PLAIN_WIDTH", "build_parser", "main"]

PLAIN_WIDTH = 120
"""The width of the text when the output is not a terminal."""
DETAILS_ROWS = 300
"""With several departments, the per-department tables are printed when the
report has at most this many rows (or with ``--details``)."""
AUTO_PROGRESS_ROWS = 1000
"""Progress is shown, when not asked for or against, when standard error is
a terminal and the actuals have at least this many rows."""
DEMO_REPORT = "kpi-demo-report.html"
"""Where ``kpi demo`` writes its report unless told (``-o``)."""

UNNAMED = "(no department)"
"""How the department ``""`` (actuals that name none) is shown."""

_FORMATS = "CSV, JSON, XLSX, Markdown or HTML by the suffix: .csv .json .xlsx .md .html"
_GRADE_STYLES = {"优": "bold green", "良": "green", "中": "yellow", "差": "red"}
_STATUS_STYLES = {
    Status.MISSING: "yellow",
    Status.ERROR: "red",
    Status.UNMATCHED: "magenta",
    Status.DUPLICATE: "magenta",
}


# ------------------------------------------------------------------ parser


def _out_of(text: str) -> Decimal:
    """An ``--out-of`` value: a decimal number above 0."""
    try:
        number = Decimal(text.strip())
    except InvalidOperation:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not number.is_finite() or number <= 0:
        raise argparse.ArgumentTypeError(f"must be a number above 0, not {text!r}")
    return number


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kpi`` command: the one description of
    its commands and options.

    >>> build_parser().parse_args(["grade", "rubric.xlsx", "actuals.csv", "-o", "r.html"]).output
    ['r.html']
    """
    parser = argparse.ArgumentParser(
        prog="kpi",
        description="Read performance-target rubrics (预算绩效管理) and grade actual values.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    grade = commands.add_parser(
        "grade",
        help="grade the actual values of one or more departments against a rubric",
        description=(
            "Grade the actual values (实际值) of one or more departments against a rubric: "
            "every indicator gets a grade (优/良/中/差) or points, or the reason it has none; "
            "the points add up to a total that is graded on the bands of 财预〔2020〕10号. "
            "Prints a table per department (or a summary when there are many) and writes "
            "the report with -o."
        ),
        epilog=(
            "Exit status: 0 when every indicator was graded or scored, every actual matched "
            "an indicator and every department has an overall grade; 1 when not (the "
            "reasons are in the report); 2 when the rubric or the actuals cannot be read, a "
            "report cannot be written, or the arguments are wrong."
        ),
    )
    grade.add_argument(
        "rubric",
        metavar="RUBRIC",
        help="the rubric file: .txt, .docx, .xlsx, .csv, .tsv, .toml or .json",
    )
    grade.add_argument(
        "actuals",
        metavar="ACTUALS",
        help=(
            "the actual values: a .csv, .tsv or .xlsx file whose header names the columns "
            "指标名称 and 实际值, and optionally 部门 (one report per department) and 备注"
        ),
    )
    grade.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="REPORT",
        help=f"also write the report to this file, as {_FORMATS}; may be given several times",
    )
    grade.add_argument(
        "--sheet", metavar="SHEET", help="read the rubric from this sheet of a workbook only"
    )
    grade.add_argument(
        "--actuals-sheet",
        metavar="SHEET",
        help="read the actuals from this sheet of a workbook only (default: every sheet)",
    )
    grade.add_argument(
        "--out-of",
        type=_out_of,
        default=Decimal(100),
        metavar="N",
        help=(
            "the total the indicators' weights (分值) add up to (default: 100); the total is "
            "graded as its share of N"
        ),
    )
    grade.add_argument(
        "--missing",
        choices=[m.value for m in Missing],
        default=Missing.ZERO.value,
        help=(
            "how indicators without points (no actual, an unreadable value) count: 'zero' "
            "gives them 0 of their weight (the default); 'exclude' leaves them out and scales "
            "the other points up to the full total"
        ),
    )
    grade.add_argument(
        "--gap",
        choices=[g.value for g in GapPolicy],
        help=(
            "what a value between two tiers gets, for every tiered indicator: 'worse' the "
            "worse tier, 'nearest' the nearer tier, 'error' no grade (default: each "
            "indicator's own policy, 'worse' unless the rubric says otherwise)"
        ),
    )
    shown = grade.add_mutually_exclusive_group()
    shown.add_argument(
        "--details",
        action="store_true",
        default=None,
        help=(
            "print the table of every department, however many (by default they are printed "
            f"for one department, or when the report has at most {DETAILS_ROWS} rows)"
        ),
    )
    shown.add_argument(
        "--summary-only",
        dest="details",
        action="store_false",
        help="print the totals only: no per-department tables",
    )
    grade.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help=(
            "show progress on standard error: what was read, and a bar while grading "
            "(default: when standard error is a terminal, a spinner while reading and writing, "
            f"and the bar when the actuals have {AUTO_PROGRESS_ROWS:,} rows or more)"
        ),
    )
    grade.add_argument(
        "-q",
        "--quiet",
        action="store_true",
        help=(
            "print nothing on standard output and no progress unless --progress is given; "
            "errors still go to standard error, and the exit status tells the outcome"
        ),
    )

    demo = commands.add_parser(
        "demo",
        help="grade the bundled example: the seed's 部门职责-工作活动绩效目标 table",
        description=(
            "Grade the bundled example, the 部门职责-工作活动绩效目标 table of 无极县政府's 2018 "
            "budget disclosure, against bundled sample values, print it like 'kpi grade' and "
            "write the report. One indicator of the table, 承办大型会议次数, has no thresholds: "
            "its row says why it is not graded, as expected."
        ),
    )
    demo.add_argument(
        "-o",
        "--output",
        action="append",
        metavar="REPORT",
        help=(
            f"write the report to this file (default: {DEMO_REPORT} in the current folder), "
            f"as {_FORMATS}; may be given several times"
        ),
    )

    read = commands.add_parser(
        "parse", help="print the canonical form of a rubric cell and how each part was read"
    )
    read.add_argument("text", help="the cell, such as '≥95%%' or '80-89%%'")
    lint = commands.add_parser(
        "lint", help="print what is wrong with a rubric file; exit 1 on any error-level finding"
    )
    lint.add_argument("rubric", help="a rubric file: .txt, .docx, .xlsx, .csv, .tsv, .toml, .json")
    lint.add_argument("--sheet", help="read only this sheet of a workbook")
    lint.add_argument(
        "--all", action="store_true", help="also print the informational notes of reading"
    )
    return parser


# ----------------------------------------------------------------- consoles


def _console(stream: TextIO) -> Console:
    """A console on *stream*: rich when it is a terminal, else plain text
    (no terminal codes) of :data:`PLAIN_WIDTH` columns."""
    terminal = stream.isatty()
    return Console(
        file=stream,
        force_terminal=None if terminal else False,
        color_system="auto" if terminal else None,
        width=None if terminal else PLAIN_WIDTH,
        markup=False,
        emoji=False,
        highlight=False,
    )


class _Steps:
    """The progress shown on standard error: a spinner while reading or
    writing, a bar while grading; nothing at all when it is off."""

    def __init__(self, console: Console, *, spinner: bool) -> None:
        self.console = console
        self.spinner = spinner
        self.bar = False

    @contextlib.contextmanager
    def doing(self, what: str) -> Iterator[None]:
        """A spinner saying *what* is being done, cleared when it is done."""
        if not self.spinner:
            yield
            return
        with self.console.status(what, spinner="dots"):
            yield

    def done(self, what: str) -> None:
        """Say on standard error what was done (when the bar is on)."""
        if self.bar:
            self.console.print(what, soft_wrap=True)

    @contextlib.contextmanager
    def grading(self) -> Iterator[Callable[[int, int], None] | None]:
        """A bar driven by ``progress(done, total)`` (None when the bar is off)."""
        if not self.bar:
            yield None
            return
        columns = (
            TextColumn("Grading"),
            BarColumn(),
            TaskProgressColumn(),
            TextColumn("{task.completed:,.0f}/{task.total:,.0f} rows"),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=self.console) as bar:
            task: list[TaskID] = []
            step = [1]
            shown = [0]

            def progress(done: int, total: int) -> None:
                if not task:
                    task.append(bar.add_task("Grading", total=total))
                    step[0] = max(1, total // 500)
                if done - shown[0] >= step[0] or done >= total:
                    shown[0] = done
                    bar.update(task[0], completed=done, total=total)

            yield progress


# ------------------------------------------------------------------ showing


def _number(value: Number) -> str:
    return format_number(round_half_away(value, 2))


def _plural(n: int, word: str, words: str | None = None) -> str:
    return f"{n:,} {word if n == 1 else (words or word + 's')}"


def _grade_text(grade: object) -> Text:
    shown = str(grade)
    return Text(shown, style=_GRADE_STYLES.get(shown, "bold"))


def _row_cells(row: Row) -> list[RenderableType]:
    actual = row.given.strip() or "—"
    if row.value and row.value != row.given.strip():
        actual += f"\n= {row.value}"
    if row.status is Status.GRADED:
        grade = _grade_text(row.grade)
    elif row.status is Status.SCORED:
        grade = Text("scored")
    else:
        grade = Text(row.status.value, style="bold " + _STATUS_STYLES[row.status])
    points = ""
    if row.weight is not None and row.status not in (Status.UNMATCHED, Status.DUPLICATE):
        points = f"{row.shown_points() or '—'} / {_number(row.weight)}"
    reason = Text(row.reason)
    for warning in row.warnings:
        reason.append(f"\nwarning: {warning}", style="yellow")
    return [
        Text(row.name),
        Text(row.target.replace(" | ", "\n") or "—"),
        Text(actual),
        grade,
        Text(points),
        reason,
    ]


def _department_table(department: DepartmentReport, *, titled: bool) -> Table:
    name = department.department or UNNAMED
    title = Text(f"Department {name}", style="bold") if titled else None
    table = Table(title=title, title_justify="left", box=box.SQUARE, show_lines=True, expand=True)
    # overflow="fold" everywhere: rich's default, "ellipsis", cuts the last
    # word of a line that mixes Chinese and English and fills its width.
    table.add_column("Indicator", ratio=3, overflow="fold")
    table.add_column("Target / tiers", overflow="fold", max_width=24)
    table.add_column("Actual", overflow="fold", max_width=16)
    table.add_column("Grade", no_wrap=True)
    table.add_column("Points", no_wrap=True, justify="right")
    table.add_column("Reason", ratio=6, overflow="fold")
    for row in department.rows:
        table.add_row(*_row_cells(row), style=_STATUS_STYLES.get(row.status))
    return table


def _count(n: int, status: Status) -> str:
    """``3 graded``, ``1 error``, ``2 errors``, ``2 duplicates``."""
    plural = status in (Status.ERROR, Status.DUPLICATE) and n != 1
    return f"{n:,} {status.value}{'s' if plural else ''}"


def _counts(department: DepartmentReport | DepartmentSummary) -> str:
    return ", ".join(_count(n, s) for s, n in department.counts.items() if n)


def _total(department: DepartmentReport | DepartmentSummary) -> Text:
    shown = department.shown_total() or "none"
    text = Text(f"Total {shown} of {_number(department.out_of)}: ", style="bold")
    if department.grade is None:
        text.append("no overall grade", style="bold red")
    else:
        text.append_text(_grade_text(department.grade))
    text.append(f"  ({_counts(department)})")
    return text


def _department(department: DepartmentReport, *, titled: bool) -> RenderableType:
    table = _department_table(department, titled=titled)
    return Group(table, _total(department), Text(department.reason), "")


def _summary_table(departments: Sequence[DepartmentSummary]) -> Table:
    table = Table(title=Text("Summary", style="bold"), title_justify="left", box=box.SQUARE)
    table.add_column("Department", overflow="fold")
    table.add_column("Total", justify="right")
    table.add_column("Grade")
    for status in Status:
        table.add_column(status.value.capitalize(), justify="right")
    for department in departments:
        table.add_row(
            Text(department.department or UNNAMED),
            Text(department.shown_total() or "—"),
            Text("—", style="bold red")
            if department.grade is None
            else _grade_text(department.grade),
            *(Text(f"{n:,}" if n else "") for n in department.counts.values()),
            style=None if department.grade is not None and not department.failed else "red",
        )
    return table


def _grades_line(departments: Sequence[DepartmentSummary]) -> str:
    counts = {g: sum(d.grade is g for d in departments) for g in Grade}
    parts = [f"{g} {n:,}" for g, n in counts.items()]
    ungraded = sum(d.grade is None for d in departments)
    if ungraded:
        parts.append(f"no overall grade {ungraded:,}")
    return f"{_plural(len(departments), 'department')}: " + ", ".join(parts) + "."


def _verdict(departments: Sequence[DepartmentSummary]) -> Text:
    """One line: whether everything was graded, and if not what was not."""

    def count(status: Status) -> int:
        return sum(d.counts[status] for d in departments)

    indicator_rows = sum(d.indicators for d in departments)
    if all(d.ok for d in departments):
        return Text(
            f"Complete: {_plural(indicator_rows, 'indicator row')} graded or scored in "
            f"{_plural(len(departments), 'department')}; every actual matched an indicator.",
            style="bold green",
        )
    parts = []
    failed = sum(d.failed for d in departments)
    if failed:
        kinds = ", ".join(_count(n, s) for s in (Status.MISSING, Status.ERROR) if (n := count(s)))
        parts.append(
            f"{failed:,} of {_plural(indicator_rows, 'indicator row')} not graded "
            f"or scored ({kinds})"
        )
    unmatched = count(Status.UNMATCHED)
    if unmatched:
        parts.append(
            f"{_plural(unmatched, 'actual')} {'names' if unmatched == 1 else 'name'} no indicator"
        )
    duplicates = count(Status.DUPLICATE)
    if duplicates:
        parts.append(f"{_plural(duplicates, 'duplicate actual')}, not scored")
    ungraded = sum(d.grade is None for d in departments)
    if ungraded:
        parts.append(f"{_plural(ungraded, 'department')} without an overall grade")
    return Text("Not complete: " + "; ".join(parts) + ".", style="bold red")


def _show(
    console: Console,
    report: Report,
    *,
    details: bool | None,
    actuals: Actuals | ActualsStream | None = None,
    written: Sequence[Path] = (),
    departments: Sequence[DepartmentSummary] | None = None,
) -> None:
    """Print *report*: the rubric's notes, the tables, the summary, the
    verdict. A streamed report comes without its rows: its *departments*
    are given, and the tables are printed only when *report* has the rows
    (as many as :data:`DETAILS_ROWS` at most)."""
    summaries = [d.summary for d in report] if departments is None else list(departments)
    indicators = summaries[0].indicators if summaries else 0
    console.print(
        f"Graded {report.rubric or 'the rubric'} ({_plural(indicators, 'indicator')}) against "
        f"{report.actuals or 'the actuals'} ({_plural(len(summaries), 'department')}); "
        f"missing policy '{report.missing}', out of {_number(report.out_of)}.",
    )
    for note in report.notes:
        console.print(Text(f"warning: {note}", style="yellow"))
    for place in actuals.skipped if actuals is not None else ():
        console.print(
            Text(
                f"warning: {place}: no header naming 指标名称 and 实际值, so the table is not read",
                style="yellow",
            )
        )
    console.print()
    several = len(summaries) > 1
    rows = sum(sum(d.counts.values()) for d in summaries)
    if details is None:
        details = not several or rows <= DETAILS_ROWS
    details = details and len(report) == len(summaries)
    for department, summary in zip(report if details else summaries, summaries, strict=True):
        if isinstance(department, DepartmentReport):
            titled = several or bool(department.department)
            console.print(_department(department, titled=titled))
        elif not several:
            console.print(_total(summary))
            console.print(summary.reason)
            console.print()
    if several:
        console.print(_summary_table(summaries))
        console.print(_grades_line(summaries))
    if several and not details:
        where = f"they are in {written[0]}" if written else "-o REPORT writes them"
        console.print(
            f"The tables of the {_plural(len(summaries), 'department')} ({rows:,} rows) are not "
            f"printed: give --details to print them; {where}."
        )
    console.print(_verdict(summaries))


def _check_outputs(outputs: Sequence[str]) -> None:
    """Raise :class:`~kpi.ReportWriteError` for an output whose format is
    unknown, before any work is done."""
    from kpi.output import report_format

    for output in outputs:
        report_format(output)


def _write(report: Report, outputs: Sequence[str]) -> tuple[list[Path], list[KpiError]]:
    """Write *report* to each of *outputs*; the paths written and the errors."""
    from kpi.output import write_report

    written: list[Path] = []
    errors: list[KpiError] = []
    for output in outputs:
        try:
            written.append(write_report(report, output))
        except KpiError as exc:
            errors.append(exc)
    return written, errors


# ----------------------------------------------------------------- commands


def _grade(args: argparse.Namespace, out: Console) -> int:
    err = _console(sys.stderr)
    explicit: bool | None = args.progress
    steps = _Steps(err, spinner=explicit is True or (explicit is None and not args.quiet))
    outputs: list[str] = args.output or []
    try:
        _check_outputs(outputs)
        with steps.doing(f"Reading the rubric {args.rubric}"):
            rubric: Rubric = read_rubric(args.rubric, sheet=args.sheet)
        if _streams(outputs, args.details):
            return _grade_streaming(args, rubric, outputs, out, err, steps)
        with steps.doing(f"Reading the actuals {args.actuals}"):
            actuals = read_actuals(args.actuals, sheet=args.actuals_sheet)
    except KpiError as exc:
        print(exc, file=sys.stderr)
        return 2
    steps.bar = explicit is True or (
        explicit is None
        and not args.quiet
        and err.is_terminal
        and len(actuals) >= AUTO_PROGRESS_ROWS
    )
    steps.done(f"Read the rubric {args.rubric}: {_plural(len(rubric), 'indicator')}")
    steps.done(f"Read the actuals {args.actuals}: {_plural(len(actuals), 'row')}")
    try:
        with steps.grading() as progress:
            report = evaluate_rubric(
                rubric,
                actuals,
                out_of=args.out_of,
                missing=args.missing,
                gap=args.gap,
                progress=progress,
            )
    except KpiError as exc:
        print(exc, file=sys.stderr)
        return 2
    written: list[Path] = []
    errors: list[KpiError] = []
    if outputs:
        with steps.doing(f"Writing {', '.join(outputs)}"):
            written, errors = _write(report, outputs)
    return _finish(
        out,
        lambda: _show(out, report, details=args.details, actuals=actuals, written=written),
        quiet=args.quiet,
        written=written,
        errors=errors,
        ok=report.ok,
    )


def _finish(
    out: Console,
    show: Callable[[], None],
    *,
    quiet: bool,
    written: Sequence[Path],
    errors: Sequence[KpiError],
    ok: bool,
) -> int:
    """Show the report (unless *quiet*) and where it was written, say the
    *errors*, and return the exit status."""
    if not quiet:
        show()
        for path in written:
            out.print(f"Wrote the report to {path}", soft_wrap=True)
    for error in errors:
        print(error, file=sys.stderr)
    if errors:
        return 2
    return 0 if ok else 1


def _streams(outputs: Sequence[str], details: bool | None) -> bool:
    """Whether ``kpi grade`` streams: it writes at most one report, in a
    format written row by row (CSV, JSON), and every table is not asked for."""
    from kpi.output import report_format
    from kpi.output.streaming import STREAM_FORMATS

    return (
        details is not True
        and len(outputs) <= 1
        and all(report_format(o) in STREAM_FORMATS for o in outputs)
    )


def _grade_streaming(
    args: argparse.Namespace,
    rubric: Rubric,
    outputs: Sequence[str],
    out: Console,
    err: Console,
    steps: _Steps,
) -> int:
    """``kpi grade`` for actuals of any size: rows are read, graded and
    written one at a time (:mod:`kpi.stream`); only the department totals
    and at most :data:`DETAILS_ROWS` rows, for the tables, are kept. The
    rows are counted first, in a reading of their own, only when progress
    is shown. Raises :class:`~kpi.KpiError` for a file that cannot be read."""
    from kpi.output.streaming import stream_report

    explicit: bool | None = args.progress
    with steps.doing(f"Reading the actuals {args.actuals}"):
        actuals = iter_actuals(args.actuals, sheet=args.actuals_sheet)
    grading = Grading.of(rubric, out_of=args.out_of, missing=args.missing, gap=args.gap)
    read, planned = 0, 0
    if explicit is True or (explicit is None and not args.quiet and err.is_terminal):
        with steps.doing(f"Counting the actuals {args.actuals}"):
            read, planned = _planned(grading, actuals)
    steps.bar = explicit is True or (
        explicit is None and not args.quiet and err.is_terminal and read >= AUTO_PROGRESS_ROWS
    )
    steps.done(f"Read the rubric {args.rubric}: {_plural(len(rubric), 'indicator')}")
    steps.done(f"Read the actuals {args.actuals}: {_plural(read, 'row')}")
    written: list[Path] = []
    errors: list[KpiError] = []
    with steps.grading() as progress:
        evaluation = Evaluation(
            grading,
            actuals,
            keep=DETAILS_ROWS,
            progress=None if progress is None else lambda done: progress(done, planned),
        )
        if outputs:
            try:
                written.append(stream_report(evaluation, outputs[0]))
            except ReportWriteError as exc:
                errors.append(exc)
        for _ in evaluation:  # the rest, when the report could not be written
            pass
    report = evaluation.report() or grading.report((), actuals=actuals.source)
    departments = evaluation.departments
    return _finish(
        out,
        lambda: _show(
            out,
            report,
            details=args.details,
            actuals=actuals,
            written=written,
            departments=departments,
        ),
        quiet=args.quiet,
        written=written,
        errors=errors,
        ok=all(d.ok for d in departments),
    )


def _planned(grading: Grading, actuals: ActualsStream) -> tuple[int, int]:
    """How many actuals there are, and how many rows the report has
    besides duplicates (what the progress bar counts)."""
    keys = {match_name(name) for name in grading.rubric.names}
    read = unmatched = 0
    departments: set[str] = set()
    for actual in actuals:
        read += 1
        departments.add(actual.department)
        unmatched += actual.key not in keys
    return read, max(len(departments), 1) * len(grading.rubric) + unmatched


def _demo(outputs: Sequence[str] | None, out: Console) -> int:
    try:
        _check_outputs(outputs or [])
    except KpiError as exc:
        print(exc, file=sys.stderr)
        return 2
    report = run_demo()
    written, errors = _write(report, outputs or [str(Path.cwd() / DEMO_REPORT)])
    _show(out, report, details=True)
    failed = tuple(row.name for row in report.failed)
    if failed == EXPECTED_FAILURES:
        out.print(
            f"As expected: {', '.join(failed)} has no thresholds in the seed (its tiers are "
            "empty), so its row says why it is not graded instead of a grade."
        )
    for path in written:
        out.print(f"Wrote the report to {path}", soft_wrap=True)
    for error in errors:
        print(error, file=sys.stderr)
    return 2 if errors else 0


def _lint(path: str, sheet: str | None, everything: bool) -> int:
    try:
        rubric = read_rubric(path, sheet=sheet)
    except KpiError as exc:
        print(exc, file=sys.stderr)
        return 2
    findings = lint(rubric)
    if everything:
        notes = [d for d in rubric.diagnostics if d.severity is Severity.INFO]
        findings = notes + findings
    for finding in findings:
        print(finding)
    counts = {s: sum(d.severity is s for d in findings) for s in Severity}
    print(
        f"{len(rubric)} indicators; "
        + ", ".join(f"{n} {s.value}{'s' if n != 1 else ''}" for s, n in counts.items())
    )
    return 1 if counts[Severity.ERROR] else 0


def _parse(text: str) -> int:
    try:
        threshold = parse(text)
    except KpiError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(threshold)
    for part in explain(text):
        print(f"  {part}")
    return 0


def main(argv: Sequence[str] | None = None, *, console: Console | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``); return its exit status.

    *console* is where ``kpi grade`` and ``kpi demo`` print their tables
    (default: standard output, with colours only on a terminal); a recording
    console (``Console(record=True)``) keeps what they print, to save it as
    text, HTML or SVG.
    """
    args = build_parser().parse_args(argv)
    if args.command == "grade":
        return _grade(args, console or _console(sys.stdout))
    if args.command == "demo":
        return _demo(args.output, console or _console(sys.stdout))
    if args.command == "lint":
        return _lint(args.rubric, args.sheet, args.all)
    return _parse(args.text)
