"""Streaming: ``kpi.actuals.iter_actuals`` reads what ``read_actuals`` reads,
``kpi.stream.Evaluation`` gives the rows and totals of ``evaluate_rubric``,
the streamed CSV and JSON reports hold every row, ``kpi grade`` prints the
same whichever path it takes, and its peak memory does not grow with the
number of rows."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest

import kpi
from kpi.actuals import iter_actuals, read_actuals
from kpi.cli import main
from kpi.errors import ActualsReadError, KpiError, ReportWriteError
from kpi.output import write_report
from kpi.output.records import ROW_COLUMNS
from kpi.output.streaming import stream_report
from kpi.readers.encoding import CHUNK
from kpi.report import Report, Row
from kpi.stream import Evaluation

RUBRIC = kpi.Rubric(
    [
        kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=30),
        kpi.Indicator("公文差错率", target="≤0.1‰", weight=20),
        kpi.Indicator("组织对外联络（次）", target="≥12次", weight=20),
        kpi.Indicator("组织对外联络(次)", target="≥10次", weight=10),  # folds to the same key
        kpi.Indicator("会议保障率", ["≥99%", "≥90%", "≥80%", "<80%"], weight=10),  # same name
        kpi.Indicator("承办大型会议次数", dict.fromkeys("优良中差", ""), weight=10),  # no tiers
    ]
)

VARIED = (
    "部门,指标名称,实际值,备注\n"
    "办公室,会议保障率,92%,\n"
    "财务科,公文差错率,0.02%,全年\n"
    "办公室,组织对外联络【次】,12次,\n"
    "办公室,会议保障率,96%,第二次\n"  # a duplicate
    "财务科,不存在的指标,1,\n"  # unmatched
    "办公室,公文差错率,,\n"  # empty
    ",会议保障率,九成,\n"  # unreadable, no department
    "财务科,会议保障率,80%,\n"
    "办公室,会议保障率,97%,\n"  # a third value
    "财务科,组织对外联络(次),8次,\n"
    "财务科,组织对外联络（次）,9次,\n"  # a duplicate of a key two names share
    "办公室,承办大型会议次数,3,\n"
    "办公室,另一个不存在的指标,2,\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def stream_rows(
    rubric: kpi.Rubric, actuals: Path, missing: str = "zero"
) -> tuple[list[Row], Evaluation]:
    evaluation = Evaluation(rubric, actuals, keep=10_000, missing=missing)
    return list(evaluation), evaluation


# ------------------------------------------------------------------ reading


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("varied.csv", VARIED.encode()),
        ("bom.csv", b"\xef\xbb\xbf" + VARIED.encode()),
        ("gb.csv", VARIED.encode("gb18030")),
        ("tabs.tsv", VARIED.replace(",", "\t").encode()),
        ("blank.csv", b"\n,,\n" + VARIED.encode() + b"\n\n" + VARIED.encode()),
        ("quoted.csv", '指标名称,实际值\n"会议\n保障率","9,2%"\r\n公文差错率,1\r'.encode()),
        ("short.csv", "指标名称,实际值,备注\n会议保障率\n公文差错率,1\n".encode()),
    ],
)
def test_iter_actuals_reads_what_read_actuals_reads(tmp_path: Path, name: str, data: bytes) -> None:
    path = write(tmp_path, name, data)
    whole = read_actuals(path)
    stream = iter_actuals(path)
    assert list(stream) == list(whole.items)
    assert list(stream) == list(whole.items)  # each iteration reads again
    assert (stream.source, stream.encoding, stream.skipped) == (
        whole.source,
        whole.encoding,
        whole.skipped,
    )


def refusal(read: Callable[[], object]) -> str:
    with pytest.raises(ActualsReadError) as refused:
        read()
    return str(refused.value)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b"x" * (3 * CHUNK) + "指标名称,实际值\n会议保障率,9".encode() + b"\xff\n",
            "cannot read actuals 'late.csv': expected text in utf-8, found the byte b'\\xff' at "
            f"offset {3 * CHUNK + 40} that it does not allow; save the file as UTF-8",
        ),
        (
            "指标名称,实际值\n".encode() + "会议保障率,92%\n".encode() * 200_000 + b"\xe6\x8c,1\n",
            "cannot read actuals 'late.csv': expected text in utf-8, found the byte b'\\xe6' at "
            "offset 4000023 that it does not allow; save the file as UTF-8",
        ),
        (
            b"\xef\xbb\xbf" + "指标名称,实际值\n".encode() + b"a,1\n" * (CHUNK // 4) + b"\xc3(\n",
            "cannot read actuals 'late.csv': expected text in utf-8-sig, found the byte b'\\xc3' "
            f"at offset {3 + 23 + CHUNK} that it does not allow; save the file as UTF-8",
        ),
        (
            b"a,b\nc,d\n",
            "cannot read actuals 'late.csv': no table in it has a header that names an indicator "
            "column (指标名称, 绩效指标, 指标, 三级指标, 绩效指标名称) and a value column (实际值, "
            "全年实际值, 完成值, 实际完成值, 实际完成情况, 年度实际值); its first row is 'a, b'",
        ),
        (
            b"",
            "cannot read actuals 'late.csv': no table in it has a header that names an indicator "
            "column (指标名称, 绩效指标, 指标, 三级指标, 绩效指标名称) and a value column (实际值, "
            "全年实际值, 完成值, 实际完成值, 实际完成情况, 年度实际值); it is empty",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_as_read_actuals_refuses_it(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = write(tmp_path, "late.csv", data)
    assert refusal(lambda: read_actuals(path)) == message
    assert refusal(lambda: iter_actuals(path)) == message


def test_quoting_broken_late_is_refused_while_reading(tmp_path: Path) -> None:
    data = "指标名称,实际值\n".encode() + b"a,1\n" * 100_000 + b'b,"1\n'
    path = write(tmp_path, "late.csv", data)
    message = (
        "cannot read actuals 'late.csv': it is not valid CSV at line 100002 (row 100002): "
        "unexpected end of data; quote a cell that holds the delimiter, a quote or a line "
        'break ("...") and double every quote inside it ("")'
    )
    assert refusal(lambda: read_actuals(path)) == message
    stream = iter_actuals(path)  # the header is fine
    assert refusal(lambda: sum(1 for _ in stream)) == message


def test_iter_actuals_of_other_sources_reads_them_whole(tmp_path: Path) -> None:
    mapping = {"办公室": {"会议保障率": "92%"}, "财务科": {"公文差错率": 0.01}}
    assert list(iter_actuals(mapping)) == list(read_actuals(mapping))
    with (tmp_path / "a.csv").open("wb") as f:
        f.write(VARIED.encode())
    with (tmp_path / "a.csv").open("rb") as f:
        assert list(iter_actuals(f)) == list(read_actuals(tmp_path / "a.csv"))
    assert refusal(lambda: iter_actuals(tmp_path / "a.csv", sheet="x")) == (
        "cannot read actuals 'a.csv': sheet='x' is for .xlsx files, and this is CSV"
    )
    assert refusal(lambda: iter_actuals(tmp_path / "a.txt")) == (
        "cannot tell the format of actuals 'a.txt' from its name; pass format= one of "
        "csv, tsv, xlsx"
    )
    assert refusal(lambda: iter_actuals(tmp_path / "missing.csv")).startswith(
        f"cannot read actuals '{tmp_path / 'missing.csv'}': No such file"
    )


# ------------------------------------------------------------------ grading


@pytest.mark.parametrize("missing", ["zero", "exclude"])
@pytest.mark.parametrize(
    "actuals",
    [
        VARIED,
        "指标名称,实际值\n",  # no actuals at all
        "指标名称,实际值\n会议保障率,92%\n公文差错率,0.01%\n",
        "部门,指标名称,实际值\nA,x,1\nB,y,2\nA,会议保障率,1\n",
    ],
)
def test_the_stream_gives_the_rows_and_totals_of_evaluate_rubric(
    tmp_path: Path, actuals: str, missing: str
) -> None:
    path = write(tmp_path, "actuals.csv", actuals.encode())
    report = kpi.evaluate_rubric(RUBRIC, path, missing=missing)
    rows, evaluation = stream_rows(RUBRIC, path, missing=missing)
    assert Counter(rows) == Counter(report.rows)
    assert len(rows) == len(report.rows) == evaluation.rows
    assert evaluation.departments == tuple(d.summary for d in report)
    assert evaluation.report() == report  # put back in the report's order


def test_the_order_of_the_streamed_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "actuals.csv", VARIED.encode())
    rows, _ = stream_rows(RUBRIC, path)
    shown = [(r.department, r.name, r.status.value, r.given) for r in rows]
    assert shown == [
        # as read: each indicator at its first actual (both 会议保障率), the unmatched
        ("办公室", "会议保障率", "graded", "92%"),
        ("办公室", "会议保障率", "graded", "92%"),
        ("财务科", "公文差错率", "scored", "0.02%"),
        ("办公室", "组织对外联络（次）", "scored", "12次"),
        ("办公室", "组织对外联络(次)", "scored", "12次"),
        ("财务科", "不存在的指标", "unmatched", "1"),
        ("办公室", "公文差错率", "missing", ""),
        ("", "会议保障率", "error", "九成"),
        ("", "会议保障率", "error", "九成"),
        ("财务科", "会议保障率", "graded", "80%"),
        ("财务科", "会议保障率", "graded", "80%"),
        ("财务科", "组织对外联络（次）", "scored", "8次"),
        ("财务科", "组织对外联络(次)", "scored", "8次"),
        ("办公室", "承办大型会议次数", "error", "3"),
        ("办公室", "另一个不存在的指标", "unmatched", "2"),
        # then, per department, the indicators without an actual
        ("财务科", "承办大型会议次数", "error", ""),
        ("", "公文差错率", "missing", ""),
        ("", "组织对外联络（次）", "missing", ""),
        ("", "组织对外联络(次)", "missing", ""),
        ("", "承办大型会议次数", "error", ""),
        # last the duplicates, as read (one row per name of a shared key)
        ("办公室", "会议保障率", "duplicate", "96%"),
        ("办公室", "会议保障率", "duplicate", "97%"),
        ("财务科", "组织对外联络（次）", "duplicate", "9次"),
        ("财务科", "组织对外联络（次）", "duplicate", "9次"),
    ]
    assert rows[-1].reason == (
        "a second actual value of '组织对外联络（次）'; only the first, '8次' "
        "(actuals.csv, row 11), is scored"
    )


def test_a_large_report_is_not_kept(tmp_path: Path) -> None:
    path = write(tmp_path, "actuals.csv", VARIED.encode())
    evaluation = Evaluation(RUBRIC, path, keep=23)
    with pytest.raises(RuntimeError) as early:
        evaluation.report()
    assert str(early.value) == "the report is known once every row has been read"
    assert sum(1 for _ in evaluation) == 24
    assert evaluation.report() is None
    assert len(evaluation.kept) == 24  # keep + 1, to know that there are more


# ------------------------------------------------------------------ writing


def test_a_streamed_csv_report_holds_every_row_then_the_totals(tmp_path: Path) -> None:
    path = write(tmp_path, "actuals.csv", VARIED.encode())
    report = kpi.evaluate_rubric(RUBRIC, path)
    written = stream_report(Evaluation(RUBRIC, path), tmp_path / "out.csv")
    whole = write_report(report, tmp_path / "whole.csv")
    data = written.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    with written.open(encoding="utf-8-sig", newline="") as f:
        reader = csv.DictReader(f)
        assert reader.fieldnames == list(ROW_COLUMNS)
        records = list(reader)
    statuses = [r["status"] for r in records]
    assert statuses[-3:] == ["total"] * 3
    assert "total" not in statuses[:-3]
    assert [r["department"] for r in records[-3:]] == ["办公室", "财务科", ""]
    # every line of the report written whole, in another order
    assert sorted(data.split(b"\r\n")) == sorted(whole.read_bytes().split(b"\r\n"))
    # every actual of the input is in a row
    places = Counter(r["actuals_location"] for r in records if r["actuals_location"])
    assert set(places) == {f"actuals.csv, row {n}" for n in range(2, 15)}


def test_a_streamed_json_report_is_the_document_of_write_report(tmp_path: Path) -> None:
    path = write(tmp_path, "actuals.csv", VARIED.encode())
    whole = json.loads(
        write_report(kpi.evaluate_rubric(RUBRIC, path), tmp_path / "w.json").read_text("utf-8")
    )
    streamed = json.loads(
        stream_report(Evaluation(RUBRIC, path), tmp_path / "s.json").read_text("utf-8")
    )
    assert sorted(streamed["rows"], key=repr) == sorted(whole.pop("rows"), key=repr)
    assert {k: v for k, v in streamed.items() if k != "rows"} == whole


def test_a_streamed_report_that_fails_leaves_nothing(tmp_path: Path) -> None:
    data = "指标名称,实际值\n".encode() + b"a,1\n" * 1000 + b'b,"1\n'
    path = write(tmp_path, "actuals.csv", data)
    target = tmp_path / "out.csv"
    target.write_text("old")
    with pytest.raises(ActualsReadError):
        stream_report(Evaluation(RUBRIC, path), target)
    assert target.read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actuals.csv", "out.csv"]
    with pytest.raises(ReportWriteError) as refused:
        stream_report(Evaluation(RUBRIC, {}), tmp_path / "out.md")
    assert str(refused.value) == (
        f"cannot write report '{tmp_path / 'out.md'}' while grading: MD is written from a "
        "whole report; stream CSV or JSON"
    )


# -------------------------------------------------------------- kpi grade


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(args)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("copies", [1, 20])  # 44 rows, or 880: only the summary
@pytest.mark.parametrize("option", [[], ["--summary-only"], ["--missing", "exclude"]])
def test_kpi_grade_prints_the_same_when_it_streams(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], copies: int, option: list[str]
) -> None:
    rubric = tmp_path / "rubric.json"
    kpi.write_rubric(RUBRIC, rubric)
    lines = VARIED.splitlines(keepends=True)
    text = lines[0] + "".join(
        line.replace("办公室", f"办公室{n}") for n in range(copies) for line in lines[1:]
    )
    actuals = write(tmp_path, "actuals.csv", text.encode())
    whole = run(["grade", str(rubric), str(actuals), "-o", str(tmp_path / "r.md"), *option], capsys)
    streamed = run(
        ["grade", str(rubric), str(actuals), "-o", str(tmp_path / "r.csv"), *option], capsys
    )
    assert whole[0] == streamed[0] == 1
    assert whole[1].replace("r.md", "r.csv") == streamed[1]
    assert whole[2] == streamed[2] == ""


def test_kpi_grade_streams_even_when_the_report_cannot_be_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    actuals = write(tmp_path, "actuals.csv", VARIED.encode())
    rubric = tmp_path / "rubric.json"
    kpi.write_rubric(RUBRIC, rubric)
    target = tmp_path / "no-such-folder" / "out.csv"
    status, out, err = run(["grade", str(rubric), str(actuals), "-o", str(target)], capsys)
    assert status == 2
    assert err == f"cannot write report '{target}': No such file or directory\n"
    assert " ".join(line.strip() for line in out.splitlines()[-2:]) == (
        "Not complete: 9 of 18 indicator rows not graded or scored (4 missing, 5 errors); 2 "
        "actuals name no indicator; 4 duplicate actuals, not scored."
    )


def test_kpi_grade_exits_2_when_the_actuals_break_half_way(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "指标名称,实际值\n".encode() + "会议保障率,92%\n".encode() * 500 + b'x,"1\n'
    actuals = write(tmp_path, "actuals.csv", data)
    rubric = tmp_path / "rubric.json"
    kpi.write_rubric(RUBRIC, rubric)
    target = tmp_path / "out.csv"
    status, out, err = run(["grade", str(rubric), str(actuals), "-o", str(target)], capsys)
    assert (status, out) == (2, "")
    assert err == (
        "cannot read actuals 'actuals.csv': it is not valid CSV at line 502 (row 502): "
        "unexpected end of data; quote a cell that holds the delimiter, a quote or a line "
        'break ("...") and double every quote inside it ("")\n'
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["actuals.csv", "rubric.json"]


# ------------------------------------------------------------------- memory

INDICATORS = 1000


def memory_rubric(folder: Path) -> Path:
    """1,000 indicators, single-target and tiered by turns, 0.1 points each."""
    indicators = [
        kpi.Indicator(f"指标{i:04d}完成率", target="≥90%", weight=Decimal("0.1"))
        if i % 2
        else kpi.Indicator(
            f"指标{i:04d}满意度", ["≥95%", "≥85%", "≥60%", "<60%"], weight=Decimal("0.1")
        )
        for i in range(INDICATORS)
    ]
    path = folder / "rubric.json"
    kpi.write_rubric(kpi.Rubric(indicators), path)
    return path


def memory_actuals(folder: Path, departments: int) -> Path:
    """A value for every indicator in each of *departments* departments."""
    path = folder / f"actuals-{departments}.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["部门", "指标名称", "实际值"])
        for d in range(departments):
            kinds = ("完成率", "满意度")
            writer.writerows(
                (f"单位{d:04d}", f"指标{i:04d}{kinds[i % 2 == 0]}", f"{(d * 7 + i) % 101}%")
                for i in range(INDICATORS)
            )
    return path


# The child's peak resident memory, measured in a process of its own, so
# that no other child of the test run counts.
_PEAK = (
    "import resource, subprocess, sys\n"
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)\n"
    "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)\n"
)


def peak_kib(folder: Path, actuals: Path) -> int:
    """The peak RSS (KiB) of ``kpi grade`` streaming *actuals*; it must grade them all."""
    report = folder / "out.csv"
    command = [sys.executable, "-m", "kpi", "grade", str(folder / "rubric.json"), str(actuals)]
    command += ["-o", str(report), "--summary-only", "--no-progress"]
    found = subprocess.run(
        [sys.executable, "-c", _PEAK, *command], capture_output=True, text=True, check=True
    )
    status, peak = found.stdout.split()
    assert status == "0"  # every row graded or scored
    with report.open("rb") as f:
        rows = sum(1 for _ in f) - 1  # the header
    departments = int(actuals.stem.split("-")[1])
    assert rows == departments * INDICATORS + departments  # the rows, then the totals
    return int(peak)


MAX_PEAK_KIB = 300 * 1024


@pytest.mark.slow
def test_100000_rows_stream_in_little_memory(tmp_path: Path) -> None:
    memory_rubric(tmp_path)
    peak = peak_kib(tmp_path, memory_actuals(tmp_path, 100))
    assert peak < MAX_PEAK_KIB, f"{peak:,} KiB"


@pytest.mark.huge
def test_memory_stays_flat_from_100000_to_1000000_rows(tmp_path: Path) -> None:
    memory_rubric(tmp_path)
    small = peak_kib(tmp_path, memory_actuals(tmp_path, 100))
    large = peak_kib(tmp_path, memory_actuals(tmp_path, 1000))
    assert large < MAX_PEAK_KIB, f"{large:,} KiB"
    assert large <= small * 1.5, f"{small:,} KiB for 100,000 rows, {large:,} KiB for 1,000,000"


def test_evaluate_rubric_and_the_stream_agree_on_a_whole_report(tmp_path: Path) -> None:
    rubric = memory_rubric(tmp_path)
    actuals = memory_actuals(tmp_path, 3)
    report: Report = kpi.evaluate_rubric(rubric, actuals)
    evaluation = Evaluation(rubric, actuals, keep=len(report.rows))
    assert Counter(evaluation) == Counter(report.rows)
    assert evaluation.report() == report


def test_an_evaluation_is_an_iterator_of_one_pass() -> None:
    evaluation = Evaluation(RUBRIC, {"会议保障率": "92%"})
    with pytest.raises(RuntimeError) as early:
        _ = evaluation.departments
    assert str(early.value) == "the departments are known once every row has been read"
    assert len(list(evaluation)) == 6
    assert list(evaluation) == []
    assert [d.shown_total() for d in evaluation.departments] == [
        "32"
    ]  # 24 + 8: both 会议保障率 are 良
    with pytest.raises(KpiError):
        Evaluation(RUBRIC, {}, missing="sometimes")
