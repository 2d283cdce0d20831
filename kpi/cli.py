"""The ``kpi`` command (``python -m kpi`` is the same).

* ``kpi demo`` grades the bundled example, the seed's table;
* ``kpi parse TEXT`` prints the canonical form of a rubric cell and how each
  part of it was read;
* ``kpi lint RUBRIC`` prints what is wrong with a rubric file, and exits
  with status 1 when any finding is an error.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from kpi.demo import run_demo
from kpi.diagnostics import Severity
from kpi.errors import KpiError
from kpi.explain import explain
from kpi.lint import lint
from kpi.parser import parse
from kpi.read import read_rubric

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``kpi`` command."""
    parser = argparse.ArgumentParser(
        prog="kpi",
        description="Read performance-target rubrics (预算绩效管理) and grade actual values.",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    commands.add_parser(
        "demo", help="grade the bundled example: the seed's 部门职责-工作活动绩效目标 table"
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


def _demo() -> int:
    rows = run_demo()
    graded = 0
    activity = None
    for row in rows:
        if row.activity != activity:
            activity = row.activity
            print(f"\n【{activity}】")
        cells = " | ".join(str(t) for t in row.indicator.tiers.values())
        print(f"  {row.indicator.name}  (line {row.line}: {cells})")
        if row.evaluation is not None:
            graded += 1
            print(f"    {row.actual} -> {row.evaluation.grade}: {row.evaluation.reason}")
            for warning in row.evaluation.warnings:
                print(f"    warning: {warning}")
        else:
            print(f"    {row.actual} -> not graded: {row.error}")
    print(f"\n{graded} of {len(rows)} indicators graded; the others say why not.")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command with *argv* (default: ``sys.argv[1:]``); return its exit status."""
    args = build_parser().parse_args(argv)
    if args.command == "demo":
        return _demo()
    if args.command == "lint":
        return _lint(args.rubric, args.sheet, args.all)
    try:
        threshold = parse(args.text)
    except KpiError as exc:
        print(exc, file=sys.stderr)
        return 1
    print(threshold)
    for part in explain(args.text):
        print(f"  {part}")
    return 0
