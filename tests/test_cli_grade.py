"""``kpi grade RUBRIC ACTUALS`` and ``kpi demo``: the tables, the exit
status, the reports written with ``-o`` and a 100,000-row run with progress.

Standard output is not a terminal here, so the text is plain and 120
columns wide: the tests compare whole lines (without the trailing spaces
that rich leaves where it wraps a paragraph).
"""

# ruff: noqa: E501 - the expected output is 120 columns wide, as printed

from __future__ import annotations

import csv
import io
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import kpi
from kpi.cli import main
from kpi.demo import actuals_path, load_example, seed_path
from kpi.errors import ReportWriteError
from kpi.output import report_format
from kpi.output.records import ROW_COLUMNS

REPO = Path(__file__).resolve().parent.parent
SEED = seed_path()

# 会议保障率 is tiered (weight 60), 公文差错率 has one target (weight 40).
RUBRIC = kpi.Rubric(
    [
        kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=60),
        kpi.Indicator("公文差错率", target="≤0.1‰", weight=40),
    ]
)
GOOD = "指标名称,实际值\n会议保障率,92%\n公文差错率,0.02%\n"
# 办公室: a duplicate, an unmatched name and a missing indicator;
# 财务科: an empty value.
FLAWED = (
    "部门,指标名称,实际值,备注\n"
    "办公室,会议保障率,92%,\n"
    "办公室,会议保障率,97%,重复\n"
    "办公室,培训次数,3,\n"
    "财务科,公文差错率,0.3‰,\n"
    "财务科,会议保障率,,未报\n"
)


# ------------------------------------------------------------------ helpers


def lines(text: str) -> list[str]:
    """The lines of *text* without trailing spaces."""
    return [line.rstrip() for line in text.splitlines()]


def table_rows(text: str) -> list[list[str]]:
    """The body rows of every table printed in *text*: per row, each cell's
    lines joined with newlines (the header row of each table left out).

    The department tables draw a line between rows, whose cells wrap; the
    summary table (titled ``Summary``) has one line per row."""
    rows: list[list[str]] = []
    cells: list[list[str]] = []
    header = summary = False
    previous = ""
    for line in text.splitlines():
        if line.startswith("┌"):
            header, summary, cells = True, previous.strip() == "Summary", []
        elif line.startswith(("├", "└")):
            if not header and cells:
                rows.append(["\n".join(part for part in cell if part) for cell in cells])
            header, cells = False, []
        elif line.startswith("│"):
            parts = [part.strip() for part in line.split("│")[1:-1]]
            if summary and not header:
                rows.append(parts)
                continue
            if not cells:
                cells = [[] for _ in parts]
            for cell, part in zip(cells, parts, strict=True):
                cell.append(part)
        previous = line
    return rows


def name_of(row: list[str]) -> str:
    """The indicator cell, unwrapped (names wrap inside a word)."""
    return row[0].replace("\n", "")


@pytest.fixture
def files(tmp_path: Path) -> Callable[[str, str], Path]:
    """Write a file in tmp_path: ``files(name, text)``."""

    def write(name: str, text: str) -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def rubric(tmp_path: Path) -> Path:
    path = tmp_path / "rubric.toml"
    kpi.write_rubric(RUBRIC, path)
    return path


def seed_actuals(departments: int, *, skip: int = 0) -> str:
    """An actuals CSV: the seed's sample values for *departments*
    departments, less the last *skip* rows."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["部门", "指标名称", "实际值"])
    rows = [
        [f"单位{d:02d}", entry["name"], entry["actual"]]
        for d in range(departments)
        for entry in load_example()["indicator"]
    ]
    writer.writerows(rows[: len(rows) - skip])
    return out.getvalue()


class Terminal(io.StringIO):
    """A text stream that says it is a terminal."""

    def isatty(self) -> bool:
        return True


# ------------------------------------------------------------ one department


ALL_GRADED = """\
Graded rubric.toml (2 indicators) against good.csv (1 department); missing policy 'zero', out of 100.

┌────────────────────────┬────────────────┬────────┬────────┬─────────┬────────────────────────────────────────────────┐
│ Indicator              │ Target / tiers │ Actual │ Grade  │  Points │ Reason                                         │
├────────────────────────┼────────────────┼────────┼────────┼─────────┼────────────────────────────────────────────────┤
│ 会议保障率             │ 优 [95%, +∞)   │ 92%    │ 良     │ 48 / 60 │ 92% is in 良 [90%, +∞), the best tier that     │
│                        │ 良 [90%, +∞)   │        │        │         │ contains it (the worse tier 中 contains all of │
│                        │ 中 [80%, +∞)   │        │        │         │ 良 too). Grade 良 earns 0.8 of the weight: 60  │
│                        │ 差 (-∞, 80%)   │        │        │         │ × 0.8 = 48 of 60 points.                       │
├────────────────────────┼────────────────┼────────┼────────┼─────────┼────────────────────────────────────────────────┤
│ 公文差错率             │ ≤0.1‰          │ 0.02%  │ scored │ 20 / 40 │ 0.2‰ exceeds the target ≤0.1‰: 40 × 0.1 / 0.2  │
│                        │                │ = 0.2‰ │        │         │ = 20 of 40 points.                             │
└────────────────────────┴────────────────┴────────┴────────┴─────────┴────────────────────────────────────────────────┘
Total 68 of 100: 中  (1 graded, 1 scored)
weights as given in the rubric, adding up to 100; the total, 68 of 100, is 中 ([60,80)) by the bands of
财预〔2020〕10号.

Complete: 2 indicator rows graded or scored in 1 department; every actual matched an indicator.
"""


def test_everything_graded_exits_0(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    good = files("good.csv", GOOD)
    assert main(["grade", str(rubric), str(good)]) == 0
    captured = capsys.readouterr()
    assert lines(captured.out) == lines(ALL_GRADED)
    assert captured.err == ""


def test_python_m_kpi_grade_prints_the_same(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    good = files("good.csv", GOOD)
    assert main(["grade", str(rubric), str(good)]) == 0
    in_process = capsys.readouterr().out
    # A narrow COLUMNS and FORCE_COLOR change nothing: a pipe gets plain
    # text, 120 columns wide.
    env = dict(os.environ, PYTHONIOENCODING="utf-8", COLUMNS="40", FORCE_COLOR="1")
    result = subprocess.run(
        [sys.executable, "-m", "kpi", "grade", str(rubric), str(good)],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=120,
        check=False,
    )
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == in_process
    assert "\x1b" not in result.stdout


def test_rows_not_graded_and_actuals_not_matched_exit_1(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    flawed = files("flawed.csv", FLAWED)
    assert main(["grade", str(rubric), str(flawed)]) == 1
    out = capsys.readouterr().out
    rows = table_rows(out)[:6]  # then the summary
    assert [(name_of(r), r[2], r[3], r[4]) for r in rows] == [
        # 办公室
        ("会议保障率", "92%", "良", "48 / 60"),
        ("公文差错率", "—", "missing", "— / 40"),
        ("培训次数", "3", "unmatched", ""),
        ("会议保障率", "97%", "duplicate", ""),
        # 财务科
        ("会议保障率", "—", "missing", "— / 60"),
        ("公文差错率", "0.3‰", "scored", "13.33 / 40"),
    ]
    assert [" ".join(r[5].split("\n")) for r in rows[1:5]] == [
        "no actual value is given for '公文差错率' in the actuals",
        "'培训次数' names no indicator of the rubric, so its value is not scored (names are "
        "compared after folding full-width characters, spaces and brackets)",
        "a second actual value of '会议保障率'; only the first, '92%' (flawed.csv, row 2), "
        "is scored",
        "the actual value of '会议保障率' is empty (flawed.csv, row 6)",
    ]
    shown = lines(out)
    assert "Department 办公室" in shown
    assert "Department 财务科" in shown
    assert "Total 48 of 100: 差  (1 graded, 1 missing, 1 unmatched, 1 duplicate)" in shown
    assert "Total 13.33 of 100: 差  (1 scored, 1 missing)" in shown
    assert shown[-10:] == [
        "Summary",
        "┌────────────┬───────┬───────┬────────┬────────┬─────────┬───────┬───────────┬───────────┐",
        "│ Department │ Total │ Grade │ Graded │ Scored │ Missing │ Error │ Unmatched │ Duplicate │",
        "├────────────┼───────┼───────┼────────┼────────┼─────────┼───────┼───────────┼───────────┤",
        "│ 办公室     │    48 │ 差    │      1 │        │       1 │       │         1 │         1 │",
        "│ 财务科     │ 13.33 │ 差    │        │      1 │       1 │       │           │           │",
        "└────────────┴───────┴───────┴────────┴────────┴─────────┴───────┴───────────┴───────────┘",
        "2 departments: 优 0, 良 0, 中 0, 差 2.",
        "Not complete: 2 of 4 indicator rows not graded or scored (2 missing); 1 actual names no "
        "indicator; 1 duplicate actual,",
        "not scored.",
    ]


def test_a_department_without_an_overall_grade_exits_1(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # Every row is graded or scored, but the weights add up to 100, not 50.
    good = files("good.csv", GOOD)
    assert main(["grade", str(rubric), str(good), "--out-of", "50", "--summary-only"]) == 1
    assert lines(capsys.readouterr().out) == [
        "Graded rubric.toml (2 indicators) against good.csv (1 department); missing policy "
        "'zero', out of 50.",
        "",
        "Total 68 of 50: no overall grade  (1 graded, 1 scored)",
        "weights as given in the rubric; no overall grade is given: the weights add up to 100, "
        "not 50; correct the weights",
        "(分值), or declare the total they add up to (out_of).",
        "",
        "Not complete: 1 department without an overall grade.",
    ]


def test_missing_exclude_scales_the_points_up(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    flawed = files("flawed.csv", FLAWED)
    assert main(["grade", str(rubric), str(flawed), "--missing", "exclude"]) == 1
    shown = lines(capsys.readouterr().out)
    assert shown[0] == (
        "Graded rubric.toml (2 indicators) against flawed.csv (2 departments); missing policy "
        "'exclude', out of 100."
    )
    # 财务科: 13.33 of the 40 points that could be scored, scaled to 100.
    assert "Total 33.33 of 100: 差  (1 scored, 1 missing)" in shown


@pytest.mark.parametrize(
    ("option", "grade", "points"),
    [
        ([], "良", "80 / 100"),
        (["--gap", "nearest"], "优", "100 / 100"),
        (["--gap", "error"], "error", "— / 100"),
    ],
)
def test_gap_overrides_the_policy_of_every_indicator(
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
    option: list[str],
    grade: str,
    points: str,
) -> None:
    # 89.8% lies between 良 80-89% and 优 90%以上, nearer to 优.
    tiers = files("tiers.csv", "绩效指标,优,良,中,差\n案件调解率,90%以上,80-89%,60-79%,60%以下\n")
    actual = files("actual.csv", "指标名称,实际值\n案件调解率,89.8%\n")
    status = main(["grade", str(tiers), str(actual), *option])
    rows = table_rows(capsys.readouterr().out)
    assert [(name_of(r), r[3], r[4]) for r in rows] == [("案件调解率", grade, points)]
    assert status == (1 if grade == "error" else 0)


def test_the_rubric_notes_are_warnings(
    files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    tiers = files(
        "notes.csv",
        "绩效指标,优,良,中,差\n会议保障率,≥95%,≥90%,≥80%,<80%\n公文质量,≥9x5%,≥90%,≥80%,<80%\n",
    )
    actual = files("actual.csv", "指标名称,实际值\n会议保障率,96%\n")
    assert main(["grade", str(tiers), str(actual)]) == 0
    assert lines(capsys.readouterr().out)[1:5] == [
        "warning: notes.csv, row 3, column 2: K105 unreadable-cell [error] 公文质量: cannot read "
        "threshold '≥9x5%' in notes.csv,",
        "row 3, column 2: expected a unit or the end of the text at column 3",
        "    ≥9x5%",
        "      ^",
    ]


def test_quiet_prints_nothing_and_keeps_the_status(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    flawed = files("flawed.csv", FLAWED)
    assert main(["grade", str(rubric), str(flawed), "--quiet"]) == 1
    assert capsys.readouterr() == ("", "")


# --------------------------------------------------------- many departments


def test_the_tables_are_printed_up_to_300_rows(
    files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = files("twelve.csv", seed_actuals(12))  # 12 × 25 = 300 rows
    assert main(["grade", str(SEED), str(actuals)]) == 1
    out = capsys.readouterr().out
    assert len(table_rows(out)) == 300 + 12  # the tables, then the summary
    assert sum(line.startswith("Department 单位") for line in lines(out)) == 12
    assert "are not printed" not in out


def test_beyond_300_rows_only_the_summary_is_printed(
    files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = files("thirteen.csv", seed_actuals(13))  # 325 rows
    assert main(["grade", str(SEED), str(actuals)]) == 1
    shown = lines(capsys.readouterr().out)
    rows = table_rows("\n".join(shown))
    assert rows[0] == ["单位00", "81.6", "良", "24", "", "", "1", "", ""]
    assert len(rows) == 13
    assert shown[-3:] == [
        "13 departments: 优 0, 良 13, 中 0, 差 0.",
        "The tables of the 13 departments (325 rows) are not printed: give --details to print "
        "them; -o REPORT writes them.",
        "Not complete: 13 of 325 indicator rows not graded or scored (13 errors).",
    ]
    assert main(["grade", str(SEED), str(actuals), "--details"]) == 1
    assert len(table_rows(capsys.readouterr().out)) == 325 + 13


def test_several_departments_all_graded_exit_0(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    # Rows with no 部门 belong to the department "" (shown as "(no department)").
    mixed = files(
        "mixed.csv",
        "部门,指标名称,实际值\n办公室,会议保障率,92%\n办公室,公文差错率,0.02%\n"
        ",会议保障率,96%\n,公文差错率,0.1‰\n",
    )
    assert main(["grade", str(rubric), str(mixed)]) == 0
    out = capsys.readouterr().out
    shown = lines(out)
    assert [line for line in shown if line.startswith(("Department", "Total"))] == [
        "Department 办公室",
        "Total 68 of 100: 中  (1 graded, 1 scored)",
        "Department (no department)",
        "Total 100 of 100: 优  (1 graded, 1 scored)",
    ]
    assert table_rows(out)[-2:] == [
        ["办公室", "68", "中", "1", "1", "", "", "", ""],
        ["(no department)", "100", "优", "1", "1", "", "", "", ""],
    ]
    assert shown[-2:] == [
        "2 departments: 优 1, 良 0, 中 1, 差 0.",
        "Complete: 4 indicator rows graded or scored in 2 departments; every actual matched an "
        "indicator.",
    ]


def test_summary_only(
    rubric: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    flawed = files("flawed.csv", FLAWED)
    assert main(["grade", str(rubric), str(flawed), "--summary-only"]) == 1
    out = capsys.readouterr().out
    assert "Department 办公室" not in out
    assert [r[0] for r in table_rows(out)] == ["办公室", "财务科"]
    assert (
        "The tables of the 2 departments (6 rows) are not printed: give --details to print "
        "them; -o REPORT writes them." in lines(out)
    )


# ------------------------------------------------------------------ progress


def test_progress_on_a_pipe_prints_the_final_state(
    files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = files("one.csv", seed_actuals(1))
    assert main(["grade", str(SEED), str(actuals), "--progress", "--quiet"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    err = lines(captured.err)
    assert err[:2] == [
        f"Read the rubric {SEED}: 25 indicators",
        f"Read the actuals {actuals}: 25 rows",
    ]
    assert re.fullmatch(r"Grading ━{40} 100% 25/25 rows \d+:\d\d:\d\d", err[2]), err
    assert len(err) == 3
    assert "\x1b" not in captured.err


def test_no_progress_by_default_when_stderr_is_not_a_terminal(
    files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = files("forty.csv", seed_actuals(40))  # 1,000 rows
    assert main(["grade", str(SEED), str(actuals), "--summary-only"]) == 1
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("skip", "option", "shown"),
    [(0, [], True), (1, [], False), (0, ["--no-progress"], False), (1, ["--progress"], True)],
)
def test_progress_on_a_terminal_from_1000_rows(
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    skip: int,
    option: list[str],
    shown: bool,
) -> None:
    actuals = files("forty.csv", seed_actuals(40, skip=skip))  # 1,000 or 999 rows
    terminal = Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["grade", str(SEED), str(actuals), "--summary-only", *option]) == 1
    capsys.readouterr()
    err = terminal.getvalue()
    assert (f"Read the actuals {actuals}: {1000 - skip:,} rows\n" in err) is shown
    # 40 departments × 25 indicators: 1,000 rows in the report either way
    assert ("1,000/1,000 rows" in err) is shown


# ---------------------------------------------------------------- exit 2


def test_a_rubric_that_cannot_be_read_exits_2(
    tmp_path: Path, files: Callable[[str, str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    good = files("good.csv", GOOD)
    missing = tmp_path / "missing.csv"
    assert main(["grade", str(missing), str(good)]) == 2
    assert capsys.readouterr() == (
        "",
        f"cannot read rubric {str(missing)!r}: No such file or directory\n",
    )


def test_actuals_that_cannot_be_read_exit_2(
    rubric: Path,
    tmp_path: Path,
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    missing = tmp_path / "missing.csv"
    assert main(["grade", str(rubric), str(missing)]) == 2
    assert capsys.readouterr() == (
        "",
        f"cannot read actuals {str(missing)!r}: No such file or directory\n",
    )
    headless = files("headless.csv", "名称,数值\n会议保障率,92%\n")
    with pytest.raises(kpi.KpiError) as expected:
        kpi.read_actuals(headless)
    assert str(expected.value).startswith("cannot read actuals 'headless.csv': no table")
    assert main(["grade", str(rubric), str(headless)]) == 2
    assert capsys.readouterr() == ("", f"{expected.value}\n")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--out-of", "0"], "argument --out-of: must be a number above 0, not '0'"),
        (["--out-of", "abc"], "argument --out-of: not a number: 'abc'"),
        (
            ["--details", "--summary-only"],
            "argument --summary-only: not allowed with argument --details",
        ),
        (
            ["--missing", "drop"],
            "argument --missing: invalid choice: 'drop' (choose from 'zero', 'exclude')",
        ),
    ],
)
def test_argument_errors_exit_2(
    rubric: Path,
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    message: str,
) -> None:
    good = files("good.csv", GOOD)
    with pytest.raises(SystemExit) as exited:
        main(["grade", str(rubric), str(good), *argv])
    assert exited.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"kpi grade: error: {message}"


# ------------------------------------------------------------------ reports


def test_several_reports_are_written(
    rubric: Path,
    tmp_path: Path,
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    good = files("good.csv", GOOD)
    html, table = tmp_path / "report.html", tmp_path / "report.csv"
    assert main(["grade", str(rubric), str(good), "-o", str(html), "-o", str(table)]) == 0
    assert lines(capsys.readouterr().out)[-2:] == [
        f"Wrote the report to {html}",
        f"Wrote the report to {table}",
    ]
    assert html.stat().st_size > 0
    with table.open(encoding="utf-8-sig", newline="") as f:
        found = list(csv.DictReader(f))
    assert [(r["indicator"], r["actual"], r["status"]) for r in found] == [
        ("会议保障率", "92%", "graded"),
        ("公文差错率", "0.02%", "scored"),
        ("", "", "total"),
    ]


def test_a_report_that_cannot_be_written_exits_2(
    rubric: Path,
    tmp_path: Path,
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    from kpi.output import write_report

    good = files("good.csv", GOOD)
    target = tmp_path / "no-such-folder" / "report.csv"
    with pytest.raises(ReportWriteError) as expected:
        write_report(kpi.evaluate_rubric(rubric, good), target)
    assert main(["grade", str(rubric), str(good), "-o", str(target)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"{expected.value}\n"
    # the report is printed all the same
    assert lines(captured.out) == lines(ALL_GRADED)
    assert not target.parent.exists()


@pytest.mark.parametrize("command", ["grade", "demo"])
def test_an_unknown_report_format_exits_2_before_grading(
    rubric: Path,
    tmp_path: Path,
    files: Callable[[str, str], Path],
    capsys: pytest.CaptureFixture[str],
    command: str,
) -> None:
    good = files("good.csv", GOOD)
    fine, unknown = tmp_path / "report.html", tmp_path / "report.pdf"
    with pytest.raises(ReportWriteError) as expected:
        report_format(unknown)
    inputs = [str(rubric), str(good)] if command == "grade" else []
    assert main([command, *inputs, "-o", str(fine), "-o", str(unknown)]) == 2
    assert capsys.readouterr() == ("", f"{expected.value}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.csv", "rubric.toml"]


# --------------------------------------------------------------------- demo

# The grades of the seed's 25 indicators against the bundled sample values.
DEMO_GRADES = [
    "优", "良", "良", "优", "优", "良", "良", "良", "error", "良", "良", "优", "中",
    "良", "良", "优", "优", "良", "良", "良", "中", "优", "中", "优", "优",
]  # fmt: skip


def test_the_bundled_actuals_are_the_examples_sample_values() -> None:
    with actuals_path().open(encoding="utf-8", newline="") as f:
        found = list(csv.reader(f))
    assert found[0] == ["指标名称", "实际值", "备注"]
    assert found[1:] == [[e["name"], e["actual"], "示例数据"] for e in load_example()["indicator"]]


def test_demo_prints_the_graded_seed_and_writes_the_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["demo"]) == 0
    out = capsys.readouterr().out
    rows = table_rows(out)
    assert [name_of(r) for r in rows] == [e["name"] for e in load_example()["indicator"]]
    assert [r[3] for r in rows] == DEMO_GRADES
    shown = lines(out)
    assert shown[0] == (
        "Graded wuji_2018.txt (25 indicators) against wuji_2018_actuals.csv (1 department); "
        "missing policy 'zero', out of 100."
    )
    assert shown[-8:-1] == [
        "Total 81.6 of 100: 良  (24 graded, 1 error)",
        "the rubric gives no weights, so each of its 25 indicators weighs 100 / 25 = 4; 1 "
        "indicator without points earns 0",
        "(missing policy 'zero'); the total, 81.6 of 100, is 良 ([80,90)) by the bands of "
        "财预〔2020〕10号.",
        "",
        "Not complete: 1 of 25 indicator rows not graded or scored (1 error).",
        "As expected: 承办大型会议次数 has no thresholds in the seed (its tiers are empty), so "
        "its row says why it is not graded",
        "instead of a grade.",
    ]
    report = tmp_path / "kpi-demo-report.html"
    assert shown[-1] == f"Wrote the report to {report}"
    assert report.stat().st_size > 0


def test_demo_writes_where_it_is_told(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "demo.csv"
    assert main(["demo", "-o", str(target)]) == 0
    assert lines(capsys.readouterr().out)[-1] == f"Wrote the report to {target}"
    with target.open(encoding="utf-8-sig", newline="") as f:
        found = [r for r in csv.DictReader(f) if r["status"] != "total"]
    assert [r["grade"] or r["status"] for r in found] == DEMO_GRADES


# -------------------------------------------------------------------- scale


def varied(entry: dict[str, str], department: int) -> str:
    """A value of the seed indicator *entry* for *department*, varied so
    that every grade occurs."""
    actual, labels = entry["actual"], list(entry["tiers"].values())
    if not any(ch.isdigit() for ch in actual):
        return labels[department % len(labels)]  # a qualitative label
    if actual.endswith("%"):
        return f"{(department * 37 + len(entry['name'])) % 1001 / 10}%"
    if actual.endswith("天"):
        return f"{department % 12}天"
    return str(department % 7)


@pytest.mark.slow
def test_100000_rows_with_progress(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    departments = 4000
    entries = load_example()["indicator"]
    given = {(f"单位{d:04d}", e["name"]): varied(e, d) for d in range(departments) for e in entries}
    actuals = tmp_path / "actuals.csv"
    with actuals.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["部门", "指标名称", "实际值", "备注"])
        writer.writerows([d, n, v, ""] for (d, n), v in given.items())
    assert len(given) == 100_000
    report = tmp_path / "out.csv"

    assert main(["grade", str(SEED), str(actuals), "-o", str(report), "--progress"]) == 1

    captured = capsys.readouterr()
    err = lines(captured.err)
    assert err[:2] == [
        f"Read the rubric {SEED}: 25 indicators",
        f"Read the actuals {actuals}: 100,000 rows",
    ]
    assert re.fullmatch(r"Grading ━{40} 100% 100,000/100,000 rows \d+:\d\d:\d\d", err[2]), err
    out = lines(captured.out)
    assert len(table_rows(captured.out)) == departments  # the summary only
    # (wrapped where the path makes the line too long)
    assert " ".join(out[-4:-1]).endswith(
        "The tables of the 4,000 departments (100,000 rows) are not printed: give --details "
        f"to print them; they are in {report}. Not complete: 4,000 of 100,000 indicator "
        "rows not graded or scored (4,000 errors)."
    )
    assert out[-1] == f"Wrote the report to {report}"
    with report.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == list(ROW_COLUMNS)
        written = list(reader)
    totals = [r for r in written if r["status"] == "total"]
    rows = [r for r in written if r["status"] != "total"]
    assert len(totals) == departments
    assert len(rows) == 100_000
    assert all(r["actuals_location"] for r in rows)
    assert len({r["actuals_location"] for r in rows}) == 100_000
    assert {(r["department"], r["indicator"]): r["actual"] for r in rows} == given
    grades = {r["grade"] for r in rows}
    assert {"优", "良", "中", "差"} <= grades
