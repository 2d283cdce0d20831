"""Actual values: read from CSV, XLSX and mappings, and paired with the seed's
indicators by name."""

from __future__ import annotations

import codecs
import io
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

import kpi
import kpi.demo
from kpi.actuals import Actual, Actuals, match_name, pair, read_actuals
from kpi.errors import ActualsReadError, ArgumentTypeError
from kpi.location import Location

NAMES = kpi.read_rubric(kpi.demo.seed_path()).names
CONTACT = "组织对外联络（次）"
FEEDBACK = "事项督查反馈率"
DOWNTIME = "系统全年累计故障时长（小时）"

CSV = (
    "指标名称,实际值,部门,备注\n"
    f"{FEEDBACK},98%,办公室,\n"
    "组织对外联络(次),12次,办公室,全年\n"
    f"{DOWNTIME},3,信息中心,\n"
)


def csv_bytes(text: str, encoding: str = "utf-8") -> io.BytesIO:
    data = io.BytesIO(text.encode(encoding))
    data.name = "actuals.csv"
    return data


def xlsx_bytes(sheets: dict[str, Sequence[Sequence[object]]]) -> io.BytesIO:
    openpyxl: Any = pytest.importorskip("openpyxl")
    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for title, rows in sheets.items():
        sheet = workbook.create_sheet(title)
        for cells in rows:
            sheet.append(list(cells))
    out = io.BytesIO()
    workbook.save(out)
    out.seek(0)
    out.name = "actuals.xlsx"
    return out


def test_seed_names_are_there() -> None:
    assert {CONTACT, FEEDBACK, DOWNTIME} <= set(NAMES)


# ----------------------------------------------------------------- CSV


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding(encoding: str) -> None:
    actuals = read_actuals(csv_bytes(CSV, encoding))
    assert actuals.encoding == encoding
    assert actuals.source == "actuals.csv"
    assert [(a.name, a.value, a.department, a.note) for a in actuals] == [
        (FEEDBACK, "98%", "办公室", ""),
        ("组织对外联络(次)", "12次", "办公室", "全年"),
        (DOWNTIME, "3", "信息中心", ""),
    ]
    assert actuals.items[1].location == Location("actuals.csv", row=3)
    assert actuals.departments == ("办公室", "信息中心")


def test_csv_from_a_path(tmp_path: Path) -> None:
    path = tmp_path / "year.csv"
    path.write_bytes(codecs.BOM_UTF8 + CSV.encode())
    actuals = read_actuals(path)
    assert actuals.source == "year.csv"
    assert actuals.encoding == "utf-8-sig"
    assert len(actuals) == 3


def test_tsv_by_format() -> None:
    data = io.BytesIO(f"实际值\t指标名称\n95%\t{FEEDBACK}\n".encode())
    actuals = read_actuals(data, format="tsv")
    assert [(a.name, a.value, a.department) for a in actuals] == [(FEEDBACK, "95%", "")]
    assert actuals.departments == ("",)


def test_columns_in_any_order_with_other_words_and_a_caption() -> None:
    text = (
        "2024年度绩效自评,,,\n"
        "说明,完成值（2024年）,绩效指标,部门名称\n"
        f"估计,100%,{FEEDBACK},法制办\n"
    )
    (actual,) = read_actuals(csv_bytes(text))
    assert actual == Actual(FEEDBACK, "100%", "法制办", "估计", Location("actuals.csv", row=3))


def test_blank_rows_and_repeated_headers_are_skipped() -> None:
    text = f"指标,实际值\n{FEEDBACK},1\n,\n指标,实际值\n{DOWNTIME},2\n"
    assert [a.value for a in read_actuals(csv_bytes(text))] == ["1", "2"]


def test_values_stay_text_as_written() -> None:
    text = f"指标名称,实际值\n{FEEDBACK}, ≥ 95 % \n"
    (actual,) = read_actuals(csv_bytes(text))
    assert actual.value == " ≥ 95 % "


# ----------------------------------------------------------------- XLSX


def test_xlsx_with_a_sheet_per_department_and_departments_in_a_column() -> None:
    data = xlsx_bytes(
        {
            "说明": [["本表为2024年实际值"]],
            "A": [
                ["部门", "指标名称", "实际值"],
                ["办公室", FEEDBACK, 0.98],
                ["法制办", CONTACT, 12],
            ],
            "B": [["指标名称", "实际值"], [DOWNTIME, "3小时"]],
        }
    )
    actuals = read_actuals(data)
    assert actuals.encoding == ""
    assert [(a.name, a.value, a.department) for a in actuals] == [
        (FEEDBACK, "0.98", "办公室"),
        (CONTACT, "12", "法制办"),
        (DOWNTIME, "3小时", ""),
    ]
    assert actuals.items[1].location == Location("actuals.xlsx", "A", 3)
    assert actuals.skipped == (Location("actuals.xlsx", "说明"),)
    assert actuals.departments == ("办公室", "法制办", "")


def test_xlsx_one_sheet() -> None:
    data = xlsx_bytes(
        {"A": [["指标名称", "实际值"], [FEEDBACK, 1]], "B": [["指标名称", "实际值"], [CONTACT, 2]]}
    )
    assert [a.name for a in read_actuals(data, sheet="B")] == [CONTACT]


# ----------------------------------------------------------------- mapping


def test_a_mapping() -> None:
    actuals = read_actuals({FEEDBACK: "98%", CONTACT: 12, DOWNTIME: Decimal("2.5"), "x": 0.5})
    assert [a.value for a in actuals] == ["98%", "12", "2.5", "0.5"]
    assert actuals.departments == ("",)
    assert actuals.source == ""


def test_a_mapping_of_departments() -> None:
    actuals = read_actuals({"办公室": {FEEDBACK: "98%"}, "法制办": {FEEDBACK: None}})
    assert [(a.department, a.value) for a in actuals] == [("办公室", "98%"), ("法制办", "")]
    assert actuals.departments == ("办公室", "法制办")


@pytest.mark.parametrize("value", [True, [1], object()])
def test_a_mapping_value_of_another_type_is_refused(value: object) -> None:
    with pytest.raises(ArgumentTypeError, match=f"the actual of '{FEEDBACK}' is a"):
        read_actuals({FEEDBACK: value})


# ----------------------------------------------------------------- matching


@pytest.mark.parametrize(
    "written",
    [
        CONTACT,
        "组织对外联络(次)",
        " 组织对外联络 (次) ",
        "组织对外联络\u3000（次）",
        "组织对外联络【次】",
        "组织对外联络[次]",
        "组织对外联络\u200b(次)\t",
    ],
)
def test_names_match_across_width_spaces_and_brackets(written: str) -> None:
    assert match_name(written) == match_name(CONTACT) == "组织对外联络(次)"
    result = pair(NAMES, read_actuals({written: "12"}))[""]
    assert result.matched[CONTACT].name == written
    assert CONTACT not in result.missing
    assert result.unmatched == ()


def test_what_a_name_keeps() -> None:
    assert match_name("组织对外联络") != match_name(CONTACT)
    assert match_name("ABC") != match_name("abc")
    assert match_name("ＡＢＣ") == match_name("ABC")


def test_unmatched_both_ways_per_department() -> None:
    actuals = read_actuals(
        {"办公室": {FEEDBACK: "98%", "没有这个指标": "1"}, "法制办": {DOWNTIME: "2"}}
    )
    pairing = pair(NAMES, actuals)
    assert [p.department for p in pairing.departments] == ["办公室", "法制办"]
    office = pairing["办公室"]
    assert list(office.matched) == [FEEDBACK]
    assert [a.name for a in office.unmatched] == ["没有这个指标"]
    assert office.missing == tuple(n for n in NAMES if n != FEEDBACK)
    law = pairing["法制办"]
    assert list(law.matched) == [DOWNTIME]
    assert len(law.missing) == len(NAMES) - 1
    with pytest.raises(KeyError):
        pairing["财政局"]


def test_no_actuals_leave_every_indicator_missing() -> None:
    (only,) = pair(NAMES, Actuals(())).departments
    assert only.department == ""
    assert only.missing == NAMES


def test_duplicates_are_reported_not_overwritten() -> None:
    text = f"指标名称,实际值,部门\n{CONTACT},12,甲\n组织对外联络(次),13,甲\n{CONTACT},14,乙\n"
    pairing = pair(NAMES, read_actuals(csv_bytes(text)))
    first = pairing["甲"]
    assert first.matched[CONTACT].value == "12"
    assert [a.value for a in first.duplicates[CONTACT]] == ["12", "13"]
    assert [a.location.row for a in first.duplicates[CONTACT]] == [2, 3]
    assert pairing["乙"].duplicates == {}


def test_empty_values_are_kept_and_reported() -> None:
    text = f"指标名称,实际值,备注\n{FEEDBACK},,未报\n{CONTACT},  ,\n{DOWNTIME},3,\n"
    actuals = read_actuals(csv_bytes(text))
    assert [a.value for a in actuals.empty] == ["", "  "]
    assert actuals.empty[0].note == "未报"
    result = pair(NAMES, actuals)[""]
    assert result.empty == (FEEDBACK, CONTACT)
    assert set(result.matched) == {FEEDBACK, CONTACT, DOWNTIME}


def test_a_row_without_a_name_is_kept_as_unmatched() -> None:
    actuals = read_actuals(csv_bytes("指标名称,实际值\n,5\n"))
    assert [(a.name, a.value) for a in pair(NAMES, actuals)[""].unmatched] == [("", "5")]


# ----------------------------------------------------------------- errors


def test_no_header_is_refused_with_the_whole_message() -> None:
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(csv_bytes(f"名称,数值\n{FEEDBACK},1\n"))
    assert str(caught.value) == (
        "cannot read actuals 'actuals.csv': no table in it has a header that names an "
        "indicator column (指标名称, 绩效指标, 指标, 三级指标, 绩效指标名称) and a value "
        "column (实际值, 全年实际值, 完成值, 实际完成值, 实际完成情况, 年度实际值); its first "
        "row is '名称, 数值'"
    )


def test_a_name_column_alone_is_no_header() -> None:
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(csv_bytes(f"指标名称,指标值\n{FEEDBACK},≥95%\n"))
    assert str(caught.value).endswith("its first row is '指标名称, 指标值'")


def test_an_empty_file_is_refused() -> None:
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(csv_bytes(""))
    assert str(caught.value).endswith("; it is empty")


def test_encoding_errors_name_the_actuals_file() -> None:
    data = io.BytesIO(b"\xff\xfe\xfa")
    data.name = "bad.csv"
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(data)
    assert str(caught.value).startswith("cannot read actuals 'bad.csv': expected text in")


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "none.csv"
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(path)
    assert str(caught.value) == f"cannot read actuals {str(path)!r}: No such file or directory"


def test_an_unknown_format_is_refused() -> None:
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(io.BytesIO(b""))
    assert str(caught.value) == (
        "cannot tell the format of actuals a file object without a name from its name; "
        "pass format= one of csv, tsv, xlsx"
    )
    with pytest.raises(ActualsReadError, match="unknown actuals format 'docx'"):
        read_actuals(io.BytesIO(b""), format="docx")


def test_a_sheet_for_a_csv_file_is_refused() -> None:
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(csv_bytes(CSV), sheet="A")
    assert str(caught.value) == (
        "cannot read actuals 'actuals.csv': sheet='A' is for .xlsx files, and this is CSV"
    )


def test_a_missing_sheet_names_the_actuals_file() -> None:
    data = xlsx_bytes({"A": [["指标名称", "实际值"]]})
    with pytest.raises(ActualsReadError) as caught:
        read_actuals(data, sheet="Z")
    assert str(caught.value) == (
        "cannot read actuals 'actuals.xlsx': it has no sheet named 'Z'; its sheets are 'A'"
    )
