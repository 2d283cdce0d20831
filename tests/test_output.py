"""Writing reports (kpi.output): CSV, JSON, XLSX, Markdown and HTML, with the
same records in each; atomic writes; whole error messages; and the HTML page
rendered by a real headless browser, its screenshot checked by OCR."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import IO, Any

import openpyxl
import pytest
from conftest import BreakDisk

import kpi
from kpi.atomic import write_atomically
from kpi.demo import seed_path
from kpi.diagnostics import Code, Diagnostic
from kpi.errors import MissingExtraError, ReportWriteError
from kpi.location import Location
from kpi.output import REPORT_FORMATS, render_report, report_format, write_report
from kpi.output.markdown import escape_cell
from kpi.output.records import (
    ROW_COLUMNS,
    SUMMARY_COLUMNS,
    Record,
    row_records,
    summary_records,
)
from kpi.output.xlsx import sheet_name

RUBRIC = kpi.Rubric(
    [
        kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=40),
        kpi.Indicator("公文差错率", target="≤0.1‰", weight=30),
        kpi.Indicator("事项督查反馈率", target="≥95%", weight=20),
        kpi.Indicator("培训次数", ["≥3次", "≥2次", "≥1次", "<1次"], weight=10),
    ]
)
ACTUALS = {"会议保障率": "92%", "公文差错率": "0.02%", "事项督查反馈率": "94.5%", "其他": "1"}
TIERS = "优 [95%, +∞) | 良 [90%, +∞) | 中 [80%, +∞) | 差 (-∞, 80%)"
COUNT_TIERS = "优 [3次, +∞) | 良 [2次, +∞) | 中 [1次, +∞) | 差 (-∞, 1次)"
REASON = (
    "weights as given in the rubric, adding up to 100; 1 indicator without points earns 0 "
    "(missing policy 'zero'); the total, ≈66.89 of 100, is 中 ([60,80)) by the bands of "
    "财预〔2020〕10号."
)


def record(**fields: str) -> Record:
    """A whole row record: the fields given, every other column empty."""
    unknown = set(fields) - set(ROW_COLUMNS)
    assert not unknown, unknown
    return {column: fields.get(column, "") for column in ROW_COLUMNS}


ROWS = [
    record(
        indicator="会议保障率",
        target=TIERS,
        actual="92%",
        value="92%",
        grade="良",
        points="32",
        weight="40",
        status="graded",
        rule="TIERED",
        reason=(
            "92% is in 良 [90%, +∞), the best tier that contains it (the worse tier 中 contains "
            "all of 良 too). Grade 良 earns 0.8 of the weight: 40 × 0.8 = 32 of 40 points."
        ),
    ),
    record(
        indicator="公文差错率",
        target="≤0.1‰",
        actual="0.02%",
        value="0.2‰",
        points="15",
        weight="30",
        status="scored",
        rule="LOWER_RATIO",
        reading="maximum",
        reason="0.2‰ exceeds the target ≤0.1‰: 30 × 0.1 / 0.2 = 15 of 30 points.",
    ),
    record(
        indicator="事项督查反馈率",
        target="≥95%",
        actual="94.5%",
        value="94.5%",
        points="19.894737",  # 378/19, rounded to 6 places
        weight="20",
        status="scored",
        rule="HIGHER_PROPORTIONAL",
        reading="minimum",
        reason="94.5% is below the target ≥95%: 20 × 94.5 / 95 ≈ 19.89 of 20 points.",
    ),
    record(
        indicator="培训次数",
        target=COUNT_TIERS,
        weight="10",
        status="missing",
        reason="no actual value is given for '培训次数' in the actuals",
    ),
    record(
        indicator="其他",
        actual="1",
        status="unmatched",
        reason=(
            "'其他' names no indicator of the rubric, so its value is not scored (names are "
            "compared after folding full-width characters, spaces and brackets)"
        ),
    ),
]
TOTAL = record(grade="中", points="66.894737", weight="100", status="total", reason=REASON)
SUMMARY = {
    "department": "",
    "total": "66.894737",  # 1423/19
    "out_of": "100",
    "grade": "中",
    "graded": "1",
    "scored": "2",
    "missing": "1",
    "error": "0",
    "unmatched": "1",
    "duplicate": "0",
    "reason": REASON,
    "problems": "",
}


@pytest.fixture(scope="module")
def report() -> kpi.Report:
    return kpi.evaluate_rubric(RUBRIC, ACTUALS)


@pytest.fixture(scope="module")
def departments() -> kpi.Report:
    """Two departments: an error row in one, a duplicate in the other."""
    return kpi.evaluate_rubric(
        RUBRIC,
        {
            "办公室": {"会议保障率": "96%", "培训次数": "abc"},
            "法制办": {"会议保障率": "85%", "会议保障率 ": "90%"},
        },
    )


# ------------------------------------------------------------------ records


def test_row_and_summary_records(report: kpi.Report) -> None:
    assert row_records(report) == ROWS
    assert summary_records(report) == [SUMMARY]
    assert tuple(SUMMARY) == SUMMARY_COLUMNS


def test_records_name_the_locations_of_a_rubric_file() -> None:
    seeded = kpi.evaluate_rubric(seed_path(), {"会议保障率": "97%"})
    found = {r["indicator"]: r for r in row_records(seeded)}["会议保障率"]
    assert found["rubric_location"] == "wuji_2018.txt, line 248, column 5"
    assert found["actuals_location"] == ""
    assert found["activity"] == "政府电子政务管理与服务"


def test_warnings_are_joined(report: kpi.Report) -> None:
    twice = kpi.Rubric([RUBRIC[0], RUBRIC[0]])
    found = row_records(kpi.evaluate_rubric(twice, {"会议保障率": "92%"}))[0]
    assert found["warnings"] == (
        "the rubric has 2 indicators named 会议保障率; the same actual value is used for each"
    )


# ---------------------------------------------------------------------- CSV


def read_csv(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM, so that Excel reads UTF-8
    text = data.decode("utf-8-sig")
    reader = csv.DictReader(io.StringIO(text, newline=""))
    rows = list(reader)
    assert reader.fieldnames is not None
    return list(reader.fieldnames), rows


def test_csv(report: kpi.Report, tmp_path: Path) -> None:
    path = write_report(report, tmp_path / "report.csv")
    assert path == tmp_path / "report.csv"
    header, rows = read_csv(path)
    assert header == list(ROW_COLUMNS)
    assert rows == [*ROWS, TOTAL]
    assert path.read_bytes().count(b"\r\n") == 7  # the header, 5 rows and the total
    assert os.listdir(tmp_path) == ["report.csv"]


def test_csv_of_several_departments(departments: kpi.Report, tmp_path: Path) -> None:
    _, rows = read_csv(write_report(departments, tmp_path / "r.csv"))
    brief = [(r["department"], r["indicator"], r["status"], r["points"], r["grade"]) for r in rows]
    assert brief == [
        ("办公室", "会议保障率", "graded", "40", "优"),
        ("办公室", "公文差错率", "missing", "", ""),
        ("办公室", "事项督查反馈率", "missing", "", ""),
        ("办公室", "培训次数", "error", "", ""),
        ("办公室", "", "total", "40", "差"),
        ("法制办", "会议保障率", "graded", "24", "中"),
        ("法制办", "公文差错率", "missing", "", ""),
        ("法制办", "事项督查反馈率", "missing", "", ""),
        ("法制办", "培训次数", "missing", "", ""),
        ("法制办", "会议保障率 ", "duplicate", "", ""),
        ("法制办", "", "total", "24", "差"),
    ]
    assert rows[10] == record(
        department="法制办",
        grade="差",
        points="24",
        weight="100",
        status="total",
        reason=(
            "weights as given in the rubric, adding up to 100; 3 indicators without points earn "
            "0 (missing policy 'zero'); the total, 24 of 100, is 差 (＜60) by the bands of "
            "财预〔2020〕10号."
        ),
    )


# --------------------------------------------------------------------- JSON


def test_json(report: kpi.Report, tmp_path: Path) -> None:
    text = write_report(report, tmp_path / "report.json").read_text(encoding="utf-8")
    assert "会议保障率" in text  # not escaped as \\u4f1a...
    assert text.startswith('{\n  "format": "kpi-report",\n')
    assert json.loads(text) == {
        "format": "kpi-report",
        "version": 1,
        "rubric": "",
        "actuals": "",
        "settings": {
            "out_of": "100",
            "missing": "zero",
            "fractions": {
                "achieved": "1",
                "partly_achieved": "0.8",
                "not_achieved": "0.6",
                "excellent": "1",
                "good": "0.8",
                "fair": "0.6",
                "poor": "0",
            },
            "gap": None,
        },
        "departments": [SUMMARY],
        "rows": ROWS,
        "notes": [],
    }


def test_json_settings_and_notes(tmp_path: Path) -> None:
    note = Diagnostic(Code.BAD_ROW, "a row without a name", Location("r.csv", row=3), "")
    rubric = kpi.Rubric(RUBRIC.entries, (note,), "r.csv")
    found = kpi.evaluate_rubric(
        rubric,
        ACTUALS,
        out_of=Decimal("100.0"),
        missing="exclude",
        fractions=kpi.Fractions(good=Decimal("0.75")),
        gap="nearest",
    )
    document = json.loads(write_report(found, tmp_path / "r.json").read_bytes())
    assert document["rubric"] == "r.csv"
    assert document["settings"] == {
        "out_of": "100",
        "missing": "exclude",
        "fractions": {
            "achieved": "1",
            "partly_achieved": "0.8",
            "not_achieved": "0.6",
            "excellent": "1",
            "good": "0.75",
            "fair": "0.6",
            "poor": "0",
        },
        "gap": "nearest",
    }
    assert document["notes"] == ["r.csv, row 3: K106 bad-row [error] a row without a name"]
    # 30 (良 at 0.75) + 15 + 378/19 of 90 points, scaled to 100: 72.105263...
    assert document["departments"][0]["total"] == "72.105263"


# --------------------------------------------------------------------- XLSX


def cells(sheet: Any) -> list[list[object]]:
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_xlsx(report: kpi.Report, tmp_path: Path) -> None:
    path = write_report(report, tmp_path / "report.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["summary", "report"]
    summary, rows = book["summary"], book["report"]
    assert cells(summary) == [
        list(SUMMARY_COLUMNS),
        [None, 66.894737, 100, "中", 1, 2, 1, 0, 1, 0, REASON, None],
    ]
    columns = [c for c in ROW_COLUMNS if c != "department"]
    numbers = {"points", "weight"}

    def expected(want: Record) -> list[object]:
        return [(float(want[c]) if c in numbers else want[c]) if want[c] else None for c in columns]

    assert cells(rows) == [columns, *(expected(r) for r in [*ROWS, TOTAL])]
    for sheet in (summary, rows):
        assert sheet.freeze_panes == "A2"
        assert all(cell.font.bold for cell in sheet[1])
    assert all(cell.font.bold for cell in rows[rows.max_row])  # the total
    assert not any(cell.font.bold for cell in rows[2])
    widths = {
        column: rows.column_dimensions[letter].width
        for column, letter in zip(columns, "ABCDEFGHIJKLMNOP", strict=True)
    }
    assert widths["indicator"] == 16  # 会议保障率 and 事项督查反馈率: 14 columns, + 2
    assert widths["reason"] == 62  # long reasons are cut at 60, + 2
    assert widths["rule"] == 21  # HIGHER_PROPORTIONAL


def test_xlsx_keeps_text_as_text(tmp_path: Path) -> None:
    rubric = kpi.Rubric([kpi.Indicator("=合格率", target="=100%", weight=100)])
    found = kpi.evaluate_rubric(rubric, {"=合格率": "100%"}, out_of=100)
    book = openpyxl.load_workbook(write_report(found, tmp_path / "r.xlsx"))
    sheet = book["report"]
    assert [sheet["A2"].value, sheet["B2"].value, sheet["C2"].value] == ["=合格率", None, "=100%"]
    assert sheet["C2"].data_type == "s"


def test_xlsx_sheet_per_department(departments: kpi.Report, tmp_path: Path) -> None:
    book = openpyxl.load_workbook(write_report(departments, tmp_path / "r.xlsx"))
    assert book.sheetnames == ["summary", "办公室", "法制办"]
    assert [row[:4] for row in cells(book["summary"])[1:]] == [
        ["办公室", 40, 100, "差"],
        ["法制办", 24, 100, "差"],
    ]
    last = cells(book["法制办"])[-1]
    assert last[:9] == [None, None, None, None, None, "差", 24, 100, "total"]


def test_sheet_names() -> None:
    taken = {"summary"}
    names = [
        sheet_name(department, taken)
        for department in ["", "a/b:c", "[x]*?\\", "Summary", "'引号'", "history", "长" * 40, ""]
    ]
    assert names == [
        "report",
        "a_b_c",
        "_x____",
        "Summary (2)",
        "引号",
        "history (2)",
        "长" * 31,
        "report (2)",
    ]
    assert sheet_name("长" * 40, taken) == "长" * 27 + " (2)"


def test_xlsx_needs_the_extra(
    report: kpi.Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(MissingExtraError) as caught:
        write_report(report, tmp_path / "r.xlsx")
    assert str(caught.value) == (
        "writing .xlsx reports needs the openpyxl package: pip install 'kpi[xlsx]'"
    )
    assert os.listdir(tmp_path) == []


# ----------------------------------------------------------------- Markdown


def test_markdown(report: kpi.Report, tmp_path: Path) -> None:
    text = write_report(report, tmp_path / "report.md").read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[:14] == [
        "# kpi report",
        "",
        "- rubric: (not named)",
        "- actuals: (not named)",
        "- missing policy: zero",
        "",
        "## (no department)",
        "",
        "**Total: 66.894737 of 100 · grade: 中**",
        "",
        REASON,
        "",
        "| indicator | target | actual | value | grade | points | weight | status | reason "
        "| warnings |",
        "|---|---|---|---|---|---:|---:|---|---|---|",
    ]
    assert lines[14] == (
        "| 会议保障率 | 优 [95%, +∞) \\| 良 [90%, +∞) \\| 中 [80%, +∞) \\| 差 (-∞, 80%) | 92% "
        "| 92% | 良 | 32 | 40 | graded | 92% is in 良 [90%, +∞), the best tier that contains "
        "it (the worse tier 中 contains all of 良 too). Grade 良 earns 0.8 of the weight: "
        "40 × 0.8 = 32 of 40 points. |  |"
    )
    assert len(lines) == 19  # 5 rows
    assert text.endswith(" |\n")
    assert "## Summary" not in text


def test_markdown_escapes_cells(tmp_path: Path) -> None:
    rubric = kpi.Rubric([kpi.Indicator("a|b\\c <i>x</i>", ["≥95%", "≥90%", "≥80%", "<80%"])])
    found = kpi.evaluate_rubric(rubric, {"a|b\\c <i>x</i>": "bad\nvalue"})
    lines = render_report(found, "md").decode("utf-8").splitlines()
    row = next(line for line in lines if line.startswith("| a"))
    assert row.startswith("| a\\|b\\\\c &lt;i>x&lt;/i> | 优 [95%, +∞) \\| 良")
    assert "| bad<br>value |" in row
    assert row.count(" | ") == 9  # ten cells: no pipe of the text splits one
    assert escape_cell("<80% & <b") == "<80% & &lt;b"


def test_markdown_summary_of_several_departments(departments: kpi.Report) -> None:
    lines = render_report(departments, "md").decode("utf-8").splitlines()
    start = lines.index("## Summary")
    assert lines[start : start + 6] == [
        "## Summary",
        "",
        "| department | total | out of | grade | graded | scored | missing | error | unmatched "
        "| duplicate |",
        "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|",
        "| 办公室 | 40 | 100 | 差 | 1 | 0 | 2 | 1 | 0 | 0 |",
        "| 法制办 | 24 | 100 | 差 | 1 | 0 | 3 | 0 | 0 | 1 |",
    ]
    assert "## 办公室" in lines
    assert "## 法制办" in lines


# --------------------------------------------------------------------- HTML

EXTERNAL = re.compile(r"https?:|src\s*=|href\s*=\s*\"(?!#)|url\(|@import|<link|<script", re.I)


def test_html_is_self_contained(departments: kpi.Report, tmp_path: Path) -> None:
    text = write_report(departments, tmp_path / "report.html").read_text(encoding="utf-8")
    assert text.startswith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">')
    assert EXTERNAL.search(text) is None
    assert "//" not in text
    assert '"Noto Sans CJK SC", "Noto Sans SC"' in text
    assert text.count("<svg") == 2  # a chart per department
    assert '<a href="#department-1">办公室</a>' in text  # the summary links to the sections
    assert '<tr class="status-error">' in text
    assert '<tr class="status-duplicate">' in text
    assert text.rstrip().endswith("</html>")


def test_html_content(report: kpi.Report) -> None:
    text = render_report(report, "html").decode("utf-8")
    assert "<h2>Summary</h2>" not in text  # one department: no summary table
    assert '<span class="label">中</span><span class="caption">overall grade</span>' in text
    assert '<div class="total">Total <strong>66.894737</strong> of 100</div>' in text
    assert f'<p class="reason">{html.escape(REASON)}</p>' in text
    rows = re.findall(r'<tr class="(status-[a-z]+)">', text)
    assert rows == [
        "status-graded",
        "status-scored",
        "status-scored",
        "status-missing",
        "status-unmatched",
    ]
    assert '<td class="number">19.894737 / 20</td>' in text
    assert '<td class="number">— / 10</td>' in text  # missing: no points
    # the chart: a bar and a count per grade, then scored, missing and error
    labels = re.findall(r'text-anchor="end">([^<]+)</text>', text)
    counts = re.findall(r'<text x="\d+" y="[\d.]+">(\d+)</text>', text)
    assert list(zip(labels, counts, strict=True)) == [
        ("优", "0"),
        ("良", "1"),
        ("中", "0"),
        ("差", "0"),
        ("scored", "2"),
        ("missing", "1"),
        ("error", "0"),
    ]


def test_html_escapes_everything(tmp_path: Path) -> None:
    name = '<script>alert("x")</script>'
    rubric = kpi.Rubric([kpi.Indicator(name, ["≥95%", "≥90%", "≥80%", "<80%"])])
    found = kpi.evaluate_rubric(rubric, {"<b>部门</b>": {name: "<img src=x>"}})
    text = render_report(found, "html").decode("utf-8")
    assert "<script" not in text
    assert "<img" not in text
    assert "<b>部门" not in text
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in text
    assert "<h2>&lt;b&gt;部门&lt;/b&gt;</h2>" in text
    assert "&#x27;&lt;img src=x&gt;&#x27;" in text  # in the reason, as text
    tags = "".join(re.findall(r"<[^>]*>", text))
    assert EXTERNAL.search(tags) is None


# -------------------------------------------------------- formats and errors


def test_the_format_comes_from_the_suffix_or_format(report: kpi.Report, tmp_path: Path) -> None:
    assert [report_format(f"r.{s}") for s in ("csv", "JSON", "xlsx", "md", "html", "htm")] == [
        "csv",
        "json",
        "xlsx",
        "md",
        "html",
        "html",
    ]
    path = write_report(report, tmp_path / "r.txt", format="md")
    assert path.read_text(encoding="utf-8").startswith("# kpi report\n")
    assert REPORT_FORMATS == ("csv", "json", "xlsx", "md", "html")


def test_an_unknown_suffix(report: kpi.Report, tmp_path: Path) -> None:
    path = tmp_path / "report.yaml"
    with pytest.raises(ReportWriteError) as caught:
        write_report(report, path)
    assert str(caught.value) == (
        f"cannot write report {str(path)!r}: cannot tell the format from its name, which has "
        "the suffix '.yaml'; expected a name ending in .csv, .json, .xlsx, .md, .html, .htm, "
        "or format= one of 'csv', 'json', 'xlsx', 'md', 'html'"
    )
    assert os.listdir(tmp_path) == []


def test_no_suffix(report: kpi.Report, tmp_path: Path) -> None:
    path = tmp_path / "report"
    with pytest.raises(ReportWriteError) as caught:
        write_report(report, path)
    assert str(caught.value) == (
        f"cannot write report {str(path)!r}: cannot tell the format from its name, which has "
        "no suffix; expected a name ending in .csv, .json, .xlsx, .md, .html, .htm, "
        "or format= one of 'csv', 'json', 'xlsx', 'md', 'html'"
    )


def test_an_unknown_format(report: kpi.Report, tmp_path: Path) -> None:
    path = tmp_path / "report.csv"
    with pytest.raises(ReportWriteError) as caught:
        write_report(report, path, format="pdf")
    assert str(caught.value) == (
        f"cannot write report {str(path)!r}: unknown report format 'pdf'; "
        "expected one of 'csv', 'json', 'xlsx', 'md', 'html'"
    )
    with pytest.raises(ReportWriteError) as caught:
        render_report(report, "htm")
    assert str(caught.value) == (
        "cannot write report: unknown report format 'htm'; "
        "expected one of 'csv', 'json', 'xlsx', 'md', 'html'"
    )
    assert os.listdir(tmp_path) == []


def test_a_missing_folder(report: kpi.Report, tmp_path: Path) -> None:
    path = tmp_path / "no" / "report.html"
    with pytest.raises(ReportWriteError) as caught:
        write_report(report, path)
    assert str(caught.value) == f"cannot write report {str(path)!r}: No such file or directory"
    assert not (tmp_path / "no").exists()


def test_a_lone_surrogate(tmp_path: Path) -> None:
    rubric = kpi.Rubric([kpi.Indicator("率\udc80", ["≥95%", "≥90%", "≥80%", "<80%"])])
    found = kpi.evaluate_rubric(rubric, {})
    path = tmp_path / "r.json"
    with pytest.raises(ReportWriteError) as caught:
        write_report(found, path)
    assert str(caught.value) == (
        f"cannot write report {str(path)!r}: the text '\\udc80' is not a character UTF-8 "
        "can store (a lone surrogate)"
    )
    assert os.listdir(tmp_path) == []


# ---------------------------------------------------------------- atomicity

OLD = b"the previous report\n"


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_previous_file(
    report: kpi.Report, tmp_path: Path, break_disk: BreakDisk, fmt: str, where: str
) -> None:
    path = tmp_path / f"report.{fmt}"
    path.write_bytes(OLD)

    break_disk(where, OSError(28, "No space left on device"))
    with pytest.raises(ReportWriteError) as caught:
        write_report(report, path)
    assert str(caught.value) == f"cannot write report {str(path)!r}: No space left on device"
    assert path.read_bytes() == OLD
    assert os.listdir(tmp_path) == [path.name]


def test_an_interrupted_write_leaves_no_temporary_file(
    report: kpi.Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_report(report, tmp_path / "r.html")
    assert os.listdir(tmp_path) == []


def test_write_atomically_removes_the_temporary_file_on_any_error(tmp_path: Path) -> None:
    path = tmp_path / "a.bin"
    path.write_bytes(OLD)
    path.chmod(0o640)

    def half(out: IO[bytes]) -> None:
        out.write(b"half of it")
        raise ValueError("stop")

    with pytest.raises(ValueError, match=r"^stop$"):
        write_atomically(path, half)
    assert path.read_bytes() == OLD
    assert os.listdir(tmp_path) == ["a.bin"]
    write_atomically(path, lambda out: out.write(b"new"))
    assert path.read_bytes() == b"new"
    assert path.stat().st_mode & 0o777 == 0o640  # the mode of the file it replaced


def test_a_report_replaces_the_previous_one(report: kpi.Report, tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_bytes(OLD)
    write_report(report, path)
    assert path.read_text(encoding="utf-8").startswith("# kpi report\n")
    assert os.listdir(tmp_path) == ["report.md"]


# ------------------------------------------------------- a real browser

BROWSER_TIMEOUT = 30  # seconds; a run takes about 1
SEED_ACTUALS = {
    "事项督查反馈率": "92%",
    "会议保障率": "97%",
    "系统全年累计故障时长（小时）": "100小时",
    "组织对外联络（次）": "2",
}
WIDTH, HEIGHT = 1280, 2000
POOR = bytes((0xC5, 0x30, 0x30))  # the colour of the 差 badge (#c53030)


def need(tool: str) -> str:
    """The path of *tool*; skips the test when it is missing, but fails on CI."""
    found = shutil.which(tool)
    if found is None:
        missing(f"{tool} is not installed")
    assert found is not None
    return found


def missing(reason: str) -> None:
    packages = "apt-get install chromium tesseract-ocr tesseract-ocr-chi-sim fonts-noto-cjk"
    message = f"{reason} (the browser test needs: {packages})"
    if os.environ.get("CI"):
        pytest.fail(f"{message}; CI must run the browser test", pytrace=False)
    pytest.skip(message)


def run(command: list[str], home: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        command,
        capture_output=True,
        timeout=BROWSER_TIMEOUT,
        check=False,
        # a private home: the browser writes nothing into the user's, and
        # tesseract uses one thread (several make it slower, not faster)
        env={**os.environ, "HOME": str(home), "OMP_THREAD_LIMIT": "1"},
    )


def png_pixels(data: bytes) -> tuple[int, int, list[bytes]]:
    """Width, height and the rows of RGB pixels of an 8-bit RGB or RGBA PNG
    (decoded with zlib: no imaging library needed)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG file"
    chunks: dict[bytes, list[bytes]] = {}
    at = 8
    while at < len(data):
        length, kind = struct.unpack(">I4s", data[at : at + 8])
        chunks.setdefault(kind, []).append(data[at + 8 : at + 8 + length])
        at += 12 + length
    width, height, depth, colour, _, _, interlace = struct.unpack(">IIBBBBB", chunks[b"IHDR"][0])
    assert (depth, colour, interlace) in ((8, 2, 0), (8, 6, 0)), (depth, colour, interlace)
    size = 3 if colour == 2 else 4
    stride = width * size
    raw = zlib.decompress(b"".join(chunks[b"IDAT"]))
    assert len(raw) == height * (stride + 1)
    wrap = bytes(range(256)) * 2
    previous = bytes(stride)
    rows = []
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        if kind == 1:  # Sub
            for i in range(size, stride):
                line[i] = (line[i] + line[i - size]) & 255
        elif kind == 2:  # Up
            line = bytearray(map(wrap.__getitem__, map(int.__add__, line, previous)))
        elif kind == 3:  # Average
            for i in range(stride):
                left = line[i - size] if i >= size else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 255
        elif kind == 4:  # Paeth
            for i in range(stride):
                a = line[i - size] if i >= size else 0
                b = previous[i]
                c = previous[i - size] if i >= size else 0
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        else:
            assert kind == 0, f"unknown PNG filter {kind}"
        previous = bytes(line)
        rows.append(
            previous if size == 3 else b"".join(previous[i : i + 3] for i in range(0, stride, 4))
        )
    return width, height, rows


@pytest.fixture(scope="module")
def screenshot(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed report as HTML, rendered by headless Chromium to a PNG."""
    chromium = need("chromium")
    folder = tmp_path_factory.mktemp("browser")
    seeded = kpi.evaluate_rubric(seed_path(), SEED_ACTUALS)
    page = write_report(seeded, folder / "report.html")
    shot = folder / "report.png"
    result = run(
        [
            chromium,
            "--headless",  # the new headless mode, the only one since Chromium 132
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-extensions",
            "--no-first-run",
            "--no-default-browser-check",
            "--hide-scrollbars",
            f"--user-data-dir={folder / 'profile'}",
            f"--window-size={WIDTH},{HEIGHT}",
            f"--screenshot={shot}",
            page.as_uri(),
        ],
        folder,
    )
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    assert shot.exists(), result.stderr.decode(errors="replace")
    return shot


@pytest.mark.slow
def test_the_browser_draws_the_page(screenshot: Path) -> None:
    width, height, rows = png_pixels(screenshot.read_bytes())
    assert (width, height) == (WIDTH, HEIGHT)
    colours = Counter(row[i : i + 3] for row in rows[::2] for i in range(0, len(row), 6))
    white = colours[b"\xff\xff\xff"]
    assert white < 0.8 * sum(colours.values()), "the page is (nearly) blank"
    assert len(colours) > 100, "the page has too few colours to hold text"
    # the large overall grade: the 差 badge is drawn in its colour (about 130 x 130
    # pixels less the letter; a quarter of them are sampled)
    assert colours[POOR] > 2000


def ocr(image: Path, language: str) -> str:
    tesseract = need("tesseract")
    listed = run([tesseract, "--list-langs"], image.parent)  # stdout or stderr by version
    languages = (listed.stdout + listed.stderr).decode(errors="replace").split()
    if language not in languages:
        missing(f"tesseract has no {language} data (package tesseract-ocr-{language})")
    result = run([tesseract, str(image), "stdout", "-l", language], image.parent)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    return result.stdout.decode("utf-8")


@pytest.mark.slow
def test_the_screenshot_reads_as_the_report(screenshot: Path) -> None:
    text = " ".join(ocr(screenshot, "eng").split())
    assert "kpi report" in text
    assert "rubric: wuji_2018.txt" in text
    assert "Total 13.6 of 100" in text
    assert "missing policy: zero" in text


def need_chinese_fonts(folder: Path) -> None:
    """Skip (fail on CI) when fontconfig knows no font for Chinese: the page
    would show boxes instead of characters."""
    fonts = run([need("fc-list"), ":lang=zh", "family"], folder).stdout.decode().strip()
    if not fonts:
        missing("no font for Chinese is installed (package fonts-noto-cjk)")


@pytest.mark.slow
def test_the_screenshot_shows_the_chinese_text(screenshot: Path) -> None:
    need_chinese_fonts(screenshot.parent)
    # chi_sim reads Chinese but puts spaces between characters: compare without them
    text = "".join(ocr(screenshot, "chi_sim").split())
    assert "财预" in text  # in the department's reason
    # the indicators named in the reasons of the rows on the screen
    names = [entry.name for entry in kpi.read_rubric(seed_path()).entries[:12]]
    found = [name for name in names if name in text]
    assert len(found) >= 4, f"OCR found only {found} of {names} in {text!r}"
