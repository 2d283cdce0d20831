"""Word and Excel rubrics: the seed's table rebuilt as .docx and .xlsx, read back.

The seed's 部门职责-工作活动绩效目标 table (``../shared/seeds/000_26cbd3258962cffd.txt``)
is taken from the text reader row by row and written at test time with
python-docx and openpyxl, its cells merged as in the original Word table:
the caption row, the header cells 职责活动 年度预算数 内容描述 绩效目标 绩效指标
merged down over the two header rows and 评价标准 merged across the four tier
columns, and the activity, budget, description and goal of each activity
merged down over its indicator rows. Each file must give the rubric the seed
text gives, with every indicator and every diagnostic at its row and column.
"""

from __future__ import annotations

import bisect
import datetime as dt
import importlib
import io
import re
import zipfile
from collections.abc import Callable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest

import kpi
from kpi.demo import seed_path
from kpi.diagnostics import Code
from kpi.errors import MissingExtraError, RubricReadError, SourceReadError
from kpi.location import Location
from kpi.readers.docx import read_docx_tables
from kpi.readers.text import read_text_tables
from kpi.readers.xlsx import read_xlsx_tables
from kpi.rubric import Rubric

docx: Any = pytest.importorskip("docx")
openpyxl: Any = pytest.importorskip("openpyxl")

ROOT = Path(__file__).resolve().parents[1]
SEED = seed_path()  # the bundled copy of ../shared/seeds/000_26cbd3258962cffd.txt

WIDTH = 9  # the grid columns of the rubric table
NAME, FIRST_TIER = 5, 6  # 1-based columns of 绩效指标 and 优
# The rows (1-based, within the table) of the duty headings such as
# 政务服务与政务管理: a duty, its budget, description and goal, no indicator.
DUTY_ROWS = (4, 14, 17, 21, 25, 28, 33, 35)
# ... and their lines in the seed text.
DUTY_LINES = (104, 204, 234, 274, 314, 344, 394, 414)
SHEET = "绩效目标表"
OTHER_SHEET = "机构设置"
XLSX_OFFSET = 3  # the table starts at row 4 of its sheet, under two empty rows and a title

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


@attrs.frozen
class Layout:
    """A table to write: the text of each grid position (only the top-left
    position of a merged range holds text) and the merged ranges."""

    rows: list[list[str]]
    merges: list[Merge]


@attrs.frozen
class Seed:
    """The seed's rubric, its rubric table laid out with merged cells, the
    line of each table row in the seed, and its first (unrelated) table."""

    rubric: Rubric
    layout: Layout
    lines: list[int]
    other: list[list[str]]


def _layout(table: list[list[str]]) -> Layout:
    """The seed's rubric table with its cells merged like the Word original."""
    caption, header, tiers, *data = table
    rows = [[""] * WIDTH for _ in table]
    merges: list[Merge] = [(1, 1, 1, 5), (1, 6, 1, 9), (2, 6, 2, 9)]
    rows[0][0], rows[0][5] = caption
    rows[1][:6] = header
    merges += [(2, c, 3, c) for c in range(1, 6)]
    rows[2][5:] = tiers[5:]
    activity = 0  # the table row of the current activity (0: none)
    for number, cells in enumerate(data, start=4):
        rows[number - 1] = list(cells)
        if not cells[NAME - 1]:  # a duty heading: nothing under 绩效指标 and 评价标准
            merges.append((number, NAME, number, WIDTH))
            activity = 0
        elif any(cells[:4]):
            activity = number
        if activity and (number == len(table) or any(table[number][:4])):
            if number > activity:
                merges += [(activity, c, number, c) for c in range(1, 5)]
            activity = 0
    return Layout(rows, merges)


@pytest.fixture(scope="module")
def seed() -> Seed:
    if not SEED.exists():
        pytest.skip(
            f"the seed file {SEED} is absent (it lives in ../shared/seeds next to the "
            "repository); the .docx and .xlsx tests rebuild its table"
        )
    tables = read_text_tables(SEED.read_text(encoding="utf-8"), file=SEED.name)
    (table,) = [t for t in tables if "部门职责-工作活动绩效目标" in t.caption]
    other = [[text.strip() for text in row.texts] for row in tables[0].rows]
    texts = [list(row.texts) for row in table.rows]
    lines = [row.location.row or 0 for row in table.rows]
    return Seed(kpi.read_rubric(SEED), _layout(texts), lines, other)


# ----------------------------------------------------------- writing the files


def _merged_docx_table(document: Any, layout: Layout) -> None:
    table = document.add_table(rows=len(layout.rows), cols=WIDTH)
    for first_row, first_col, last_row, last_col in layout.merges:
        table.cell(first_row - 1, first_col - 1).merge(table.cell(last_row - 1, last_col - 1))
    for r, cells in enumerate(layout.rows):
        for c, text in enumerate(cells):
            if text:
                table.cell(r, c).text = text


def write_docx(path: Path, seed: Seed) -> Path:
    """The seed's first table, then its rubric table, each under its caption."""
    document = docx.Document()
    document.add_paragraph("部门机构设置情况")
    other = document.add_table(rows=len(seed.other), cols=len(seed.other[0]))
    for r, cells in enumerate(seed.other):
        for c, text in enumerate(cells):
            other.cell(r, c).text = text
    document.add_paragraph("部门职责-工作活动绩效目标")
    _merged_docx_table(document, seed.layout)
    document.save(path)
    return path


def excel_value(text: str) -> tuple[object, str | None]:
    """What a person types into Excel for *text*: numbers as numbers, a
    percentage as a number formatted as one."""
    if re.fullmatch(r"\d+", text):
        return int(text), None
    if re.fullmatch(r"\d+\.\d+", text):
        return float(text), None
    if match := re.fullmatch(r"(\d+(?:\.\d+)?)%", text):
        return float(Decimal(match[1]) / 100), "0%"
    return text, None


def write_xlsx(path: Path, seed: Seed) -> Path:
    """Sheet 绩效目标表: two empty rows, a title merged across the table, then
    the rubric table; sheet 机构设置: the seed's first table."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = SHEET
    sheet.cell(row=XLSX_OFFSET, column=1, value="部门职责-工作活动绩效目标")
    sheet.merge_cells(start_row=XLSX_OFFSET, start_column=1, end_row=XLSX_OFFSET, end_column=9)
    for r, cells in enumerate(seed.layout.rows, start=XLSX_OFFSET + 1):
        for c, text in enumerate(cells, start=1):
            if text:
                value, number_format = excel_value(text)
                cell = sheet.cell(row=r, column=c, value=value)
                if number_format:
                    cell.number_format = number_format
    for first_row, first_col, last_row, last_col in seed.layout.merges:
        sheet.merge_cells(
            start_row=first_row + XLSX_OFFSET,
            start_column=first_col,
            end_row=last_row + XLSX_OFFSET,
            end_column=last_col,
        )
    other = workbook.create_sheet(OTHER_SHEET)
    for cells in seed.other:
        other.append(cells)
    workbook.save(path)
    return path


def xlsx_bytes(rows: Sequence[Sequence[object]], title: str = "Sheet") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    for cells in rows:
        sheet.append(list(cells))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def docx_bytes(rows: Sequence[Sequence[str]]) -> bytes:
    document = docx.Document()
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    for r, cells in enumerate(rows):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# ----------------------------------------------------------- the seed, re-created


def assert_like_seed(got: Rubric, seed: Seed, place: Callable[[int, int], Location]) -> None:
    """*got* is the seed's rubric, each entry in the table row where the seed
    has it; ``place(row, column)`` is where a cell of the table is in the
    file (both 1-based in the table)."""
    assert got == seed.rubric
    assert len(got) == 25
    for entry, expected in zip(got.entries, seed.rubric.entries, strict=True):
        assert (entry.name, entry.duty, entry.activity, entry.budget) == (
            expected.name,
            expected.duty,
            expected.activity,
            expected.budget,
        )
        assert (entry.description, entry.goal) == (expected.description, expected.goal)
        row = bisect.bisect_right(seed.lines, expected.location.row or 0)  # its cell's row
        assert entry.location == place(row, NAME)
        assert entry.cells == tuple(place(row, c) for c in range(FIRST_TIER, WIDTH + 1))
    meeting = got.entry("承办大型会议次数")
    assert not meeting.indicator.is_gradable
    assert all(t.is_empty for t in meeting.indicator.tiers.values())


def codes_and_places(rubric: Rubric) -> list[tuple[Code, str, int | None]]:
    return [(d.code, d.location.sheet, d.location.row) for d in rubric.diagnostics]


def test_the_seed_text_has_its_duties_at_these_lines(seed: Seed) -> None:
    assert [seed.lines[r - 1] for r in DUTY_ROWS] == list(DUTY_LINES)
    rubric_table = [
        (d.code, d.location.row)
        for d in seed.rubric.diagnostics
        if seed.lines[0] <= (d.location.row or 0) <= seed.lines[-1]
    ]
    assert rubric_table == [
        (Code.CONTEXT_ROW, seed.lines[0]),
        (Code.HEADER_ROW, seed.lines[1]),
        (Code.HEADER_ROW, seed.lines[2]),
        *((Code.CONTEXT_ROW, line) for line in DUTY_LINES),
    ]


def test_docx_reads_like_the_seed(seed: Seed, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "wuji.docx", seed)
    got = kpi.read_rubric(path)
    assert_like_seed(got, seed, lambda r, c: Location("wuji.docx", "table 2", r, str(c)))
    assert codes_and_places(got) == [
        (Code.NOT_A_RUBRIC, "table 1", 1),
        (Code.CONTEXT_ROW, "table 2", 1),  # 434无极县政府 | 单位：万元
        (Code.HEADER_ROW, "table 2", 2),
        (Code.HEADER_ROW, "table 2", 3),
        *((Code.CONTEXT_ROW, "table 2", r) for r in DUTY_ROWS),
    ]
    duties = [d.message for d in got.diagnostics if d.location.row in DUTY_ROWS]
    in_text = [d.message for d in seed.rubric.diagnostics if d.location.row in DUTY_LINES]
    assert duties == in_text
    with path.open("rb") as opened:
        assert kpi.read_rubric(opened) == seed.rubric


def test_xlsx_reads_like_the_seed(seed: Seed, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "wuji.xlsx", seed)
    got = kpi.read_rubric(path)
    assert_like_seed(
        got,
        seed,
        lambda r, c: Location("wuji.xlsx", SHEET, r + XLSX_OFFSET, "ABCDEFGHI"[c - 1]),
    )
    rows = [r + XLSX_OFFSET for r in DUTY_ROWS]
    assert codes_and_places(got) == [
        (Code.CONTEXT_ROW, SHEET, 3),  # the title 部门职责-工作活动绩效目标
        (Code.CONTEXT_ROW, SHEET, 4),  # 434无极县政府 | 单位：万元
        (Code.HEADER_ROW, SHEET, 5),
        (Code.HEADER_ROW, SHEET, 6),
        *((Code.CONTEXT_ROW, SHEET, r) for r in rows),
        (Code.NOT_A_RUBRIC, OTHER_SHEET, 1),
    ]
    duties = [d.message for d in got.diagnostics if d.location.row in rows]
    in_text = [d.message for d in seed.rubric.diagnostics if d.location.row in DUTY_LINES]
    assert duties == in_text
    assert kpi.read_rubric(path, sheet=SHEET) == seed.rubric


def test_docx_tables_are_read_on_their_grid(seed: Seed, tmp_path: Path) -> None:
    path = write_docx(tmp_path / "wuji.docx", seed)
    first, table = read_docx_tables(path.read_bytes(), file="wuji.docx")
    assert (first.caption, table.caption) == ("部门机构设置情况", "部门职责-工作活动绩效目标")
    assert table.location == Location("wuji.docx", "table 2")
    assert {len(row.cells) for row in table.rows} == {WIDTH}
    assert [row.location.row for row in table.rows] == list(range(1, len(seed.lines) + 1))

    def at(row: int, column: int) -> tuple[str, int | None, str]:
        cell = table.rows[row - 1].cells[column - 1]
        return cell.text, cell.location.row, cell.location.column

    # merged across: every grid position repeats the text and keeps its place
    assert [at(1, c) for c in (1, 5, 6, 9)] == [
        ("434无极县政府", 1, "1"),
        ("434无极县政府", 1, "1"),
        ("单位：万元", 1, "6"),
        ("单位：万元", 1, "6"),
    ]
    assert at(2, 8) == ("评价标准", 2, "6")
    # merged down: the header over both header rows, the activity over its rows
    assert table.rows[2].texts == (*seed.layout.rows[1][:5], "优", "良", "中", "差")
    assert at(3, 1) == ("职责活动", 2, "1")
    assert at(13, 1) == (seed.layout.rows[4][0], 5, "1")
    assert at(13, NAME) == ("承办大型会议次数", 13, "5")
    assert at(4, 9) == ("", 4, "5")  # a duty row: 绩效指标 to 差 merged, empty


def test_docx_nested_tables_follow_their_table() -> None:
    document = docx.Document()
    document.add_paragraph("表一")
    outer = document.add_table(rows=2, cols=2)
    outer.cell(0, 0).text = "外"
    inner = outer.cell(1, 1).add_table(rows=1, cols=3)
    inner.cell(0, 0).merge(inner.cell(0, 1)).text = "内"
    document.add_table(rows=1, cols=1).cell(0, 0).text = "后"
    out = io.BytesIO()
    document.save(out)
    tables = read_docx_tables(out.getvalue(), file="n.docx")
    assert [t.location.sheet for t in tables] == ["table 1", "table 2", "table 3"]
    assert [t.rows[0].texts for t in tables] == [("外", ""), ("内", "内", ""), ("后",)]
    assert [t.caption for t in tables] == ["表一", "", ""]
    assert tables[1].rows[0].cells[2].location == Location("n.docx", "table 2", 1, "3")
    assert tables[0].rows[1].texts == ("", "\n")  # the nested table's text is not its cell's


def test_xlsx_cells_read_as_typed() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "数"
    values: list[tuple[str, object, str | None, str]] = [
        ("B", 95.1, None, "95.1"),
        ("C", 0.1 + 0.2, None, "0.3"),
        ("D", 3.0, None, "3"),
        ("E", 0.951, "0.0%", "95.1%"),
        ("F", 1, "0%", "100%"),
        ("G", 95, '0"%"', "95%"),
        ("H", True, None, "TRUE"),
        ("I", dt.date(2018, 12, 31), None, "2018-12-31"),
        ("J", dt.datetime(2018, 12, 31, 8, 30), None, "2018-12-31 08:30:00"),
        ("K", 1e-7, None, "0.0000001"),
        ("L", -2.5, None, "-2.5"),
    ]
    for column, value, number_format, _ in values:
        cell = sheet[f"{column}3"]
        cell.value = value
        if number_format:
            cell.number_format = number_format
    sheet["B5"] = "合并"
    sheet.merge_cells("B5:C6")
    sheet["N5"] = None  # styled but empty: not a column of the table
    sheet["N5"].number_format = "0%"
    sheet["B40"].number_format = "0%"  # an empty row far below: not a row of the table
    out = io.BytesIO()
    workbook.save(out)
    (table,) = read_xlsx_tables(out.getvalue(), file="n.xlsx", sheet=None)
    assert table.location == Location("n.xlsx", "数")
    assert [row.location.row for row in table.rows] == [3, 4, 5, 6]  # rows 1-2 are empty
    assert {len(row.cells) for row in table.rows} == {12}  # A to L
    assert [(c.location.column, c.text) for c in table.rows[0].cells[1:]] == [
        (column, text) for column, _, _, text in values
    ]
    assert table.rows[0].cells[0].text == ""
    assert table.rows[1].is_blank
    merged = [(c.text, str(c.location)) for c in table.rows[3].cells[1:3]]
    assert merged == [("合并", "n.xlsx, sheet '数', row 5, column B")] * 2


def test_xlsx_blank_row_inside_the_table() -> None:
    data = xlsx_bytes(
        [
            ["绩效指标", "优", "良", "中", "差"],
            ["会议保障率", "≥95%", "≥90%", "≥80%", "＜80%"],
            [],
            ["网络系统升级", "≥95%", "≥90%", "≥80%", "＜80%"],
            [None, " "],
        ]
    )
    got = kpi.read_rubric(io.BytesIO(data), format="xlsx")
    assert got.names == ("会议保障率", "网络系统升级")
    assert [(d.code, d.location.row) for d in got.diagnostics] == [
        (Code.HEADER_ROW, 1),
        (Code.BLANK_ROW, 3),
    ]


def test_blank_row_above_the_header_is_a_blank_row() -> None:
    data = docx_bytes(
        [
            ["部门职责-工作活动绩效目标", "", "", "", ""],
            ["", "", "", "", ""],
            ["绩效指标", "优", "良", "中", "差"],
            ["会议保障率", "≥95%", "≥90%", "≥80%", "＜80%"],
        ]
    )
    got = kpi.read_rubric(io.BytesIO(data), format="docx")
    assert [(d.code, d.location.row) for d in got.diagnostics] == [
        (Code.CONTEXT_ROW, 1),
        (Code.BLANK_ROW, 2),
        (Code.HEADER_ROW, 3),
    ]


# ----------------------------------------------------------- malformed files


@pytest.fixture(scope="module")
def small_docx() -> bytes:
    return docx_bytes(
        [["绩效指标", "优", "良", "中", "差"], ["会议保障率", "≥95%", "≥90%", "≥80%", "＜80%"]]
    )


@pytest.fixture(scope="module")
def small_xlsx() -> bytes:
    return xlsx_bytes(
        [["绩效指标", "优", "良", "中", "差"], ["会议保障率", "≥95%", "≥90%", "≥80%", "＜80%"]]
    )


def rezip(data: bytes, *, drop: str = "", replace: dict[str, bytes] | None = None) -> bytes:
    """*data* (a zip archive) without the member *drop*, or with members replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != drop:
                target.writestr(info, (replace or {}).get(info.filename, source.read(info)))
    return out.getvalue()


def read_error(tmp_path: Path, name: str, data: bytes, **options: Any) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(RubricReadError) as caught:
        kpi.read_rubric(path, **options)
    assert caught.value.__suppress_context__ or caught.value.__context__ is None
    return str(caught.value)


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)


@pytest.mark.parametrize(
    ("name", "make", "message"),
    [
        (
            "cut.docx",
            lambda d, x: d[:100],
            "not a Word document (the zip archive is truncated)",
        ),
        (
            "cut.xlsx",
            lambda d, x: x[:100],
            "not an Excel workbook (the zip archive is truncated)",
        ),
        (
            "noise.docx",
            lambda d, x: bytes(range(256)) * 8,
            "not a Word document (it is not a zip archive)",
        ),
        (
            "noise.xlsx",
            lambda d, x: bytes(range(256)) * 8,
            "not an Excel workbook (it is not a zip archive)",
        ),
        ("empty.docx", lambda d, x: b"", "not a Word document (the file is empty)"),
        (
            "book.docx",
            lambda d, x: x,
            "not a Word document (the zip archive holds an Excel workbook; "
            "name it .xlsx or pass format='xlsx')",
        ),
        (
            "report.xlsx",
            lambda d, x: d,
            "not an Excel workbook (the zip archive holds a Word document; "
            "name it .docx or pass format='docx')",
        ),
        (
            "gone.docx",
            lambda d, x: rezip(d, drop="word/document.xml"),
            "not a Word document (the zip archive has no word/document.xml)",
        ),
        (
            "gone.xlsx",
            lambda d, x: rezip(x, drop="xl/workbook.xml"),
            "not an Excel workbook (the zip archive has no xl/workbook.xml)",
        ),
        (
            "types.docx",
            lambda d, x: rezip(d, drop="[Content_Types].xml"),
            "not a Word document (a part of it is missing: "
            "There is no item named '[Content_Types].xml' in the archive)",
        ),
        (
            "broken.docx",
            lambda d, x: rezip(d, replace={"word/document.xml": b"<w:document>"}),
            "not a Word document (a part of it is not well-formed XML: "
            "Namespace prefix w on document is not defined, line 1, column 12)",
        ),
        (
            "old.docx",
            lambda d, x: OLE,
            "not a Word document (it is an old binary .doc file or another OLE file; "
            "save it as .docx)",
        ),
        (
            "old.xlsx",
            lambda d, x: OLE,
            "not an Excel workbook (it is an old binary .xls file or another OLE file; "
            "save it as .xlsx)",
        ),
        (
            "locked.xlsx",
            lambda d, x: OLE + "EncryptedPackage".encode("utf-16-le"),
            "the file is password-protected; save a copy without a password and read that",
        ),
    ],
)
def test_a_file_that_is_not_what_it_claims(
    tmp_path: Path,
    small_docx: bytes,
    small_xlsx: bytes,
    name: str,
    make: Callable[[bytes, bytes], bytes],
    message: str,
) -> None:
    got = read_error(tmp_path, name, make(small_docx, small_xlsx))
    assert got == f"cannot read rubric {name!r}: {message}"


def test_a_damaged_sheet(tmp_path: Path, small_xlsx: bytes) -> None:
    data = rezip(small_xlsx, replace={"xl/worksheets/sheet1.xml": b"<worksheet><sheetData>"})
    assert read_error(tmp_path, "torn.xlsx", data) == (
        "cannot read rubric 'torn.xlsx': not an Excel workbook (a part of it is not well-formed "
        "XML: no element found: line 1, column 22)"
    )


def test_a_sheet_that_is_not_there(tmp_path: Path, seed: Seed) -> None:
    path = write_xlsx(tmp_path / "wuji.xlsx", seed)
    with pytest.raises(RubricReadError) as caught:
        kpi.read_rubric(path, sheet="Sheet1")
    assert str(caught.value) == (
        "cannot read rubric 'wuji.xlsx': it has no sheet named 'Sheet1'; "
        "its sheets are '绩效目标表', '机构设置'"
    )


NO_RUBRIC = (
    "no table in it has a header that names an indicator column and tier columns "
    "(优/良/中/差) or a target column (指标值)"
)


def test_a_sheet_with_no_rubric(tmp_path: Path, seed: Seed) -> None:
    path = write_xlsx(tmp_path / "wuji.xlsx", seed)
    with pytest.raises(RubricReadError) as caught:
        kpi.read_rubric(path, sheet=OTHER_SHEET)
    assert str(caught.value) == f"cannot read rubric 'wuji.xlsx': {NO_RUBRIC}"


def test_a_workbook_without_tier_columns(tmp_path: Path) -> None:
    data = xlsx_bytes(
        [
            ["职责活动", "年度预算数", "绩效指标", "备注"],
            ["政务服务与政务管理", 95.1, "事项督查反馈率", "≥90%"],
        ]
    )
    assert read_error(tmp_path, "flat.xlsx", data) == f"cannot read rubric 'flat.xlsx': {NO_RUBRIC}"


BIG = "≥" + "9" * (10 * 2**20)  # a cell of 10 MB


def test_a_10_mb_cell_in_a_workbook(tmp_path: Path) -> None:
    # openpyxl cuts what it writes to Excel's 32,767 characters: put the cell in afterwards
    data = xlsx_bytes(
        [["绩效指标", "优", "良", "中", "差"], ["会议保障率", "BIG", "≥90%", "≥80%", "＜80%"]]
    )
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read(sheet)
    assert xml.count(b">BIG<") == 1
    data = rezip(data, replace={sheet: xml.replace(b">BIG<", f">{BIG}<".encode())})
    (tmp_path / "big.xlsx").write_bytes(data)
    got = kpi.read_rubric(tmp_path / "big.xlsx")
    assert len(got) == 0
    (_, unreadable) = got.diagnostics
    assert (unreadable.code, str(unreadable.location)) == (
        Code.UNREADABLE_CELL,
        "big.xlsx, sheet 'Sheet', row 2, column B",
    )
    assert unreadable.indicator == "会议保障率"
    assert "a cell of 10,485,761 characters is longer than a threshold may be" in (
        unreadable.message
    )
    assert len(unreadable.message) < 1000


def test_a_10_mb_cell_in_a_document(tmp_path: Path) -> None:
    # python-docx's XML parser refuses a text node over 10,000,000 bytes
    data = docx_bytes(
        [["绩效指标", "优", "良", "中", "差"], ["会议保障率", BIG, "≥90%", "≥80%", "＜80%"]]
    )
    assert read_error(tmp_path, "big.docx", data) == (
        "cannot read rubric 'big.docx': a text in it is longer than the XML parser of "
        "python-docx reads in one piece (10,000,000 bytes); shorten it"
    )
    # in runs of 1 MB it is read, and the cell is an unreadable cell of the rubric
    document = docx.Document()
    table = document.add_table(rows=2, cols=5)
    for c, (header, tier) in enumerate(
        zip(
            ["绩效指标", "优", "良", "中", "差"],
            ["会议保障率", "", "≥90%", "≥80%", "＜80%"],
            strict=True,
        )
    ):
        table.cell(0, c).text, table.cell(1, c).text = header, tier
    for start in range(0, len(BIG), 2**20):
        table.cell(1, 1).paragraphs[0].add_run(BIG[start : start + 2**20])
    out = io.BytesIO()
    document.save(out)
    got = kpi.read_rubric(io.BytesIO(out.getvalue()), format="docx")
    (_, unreadable) = got.diagnostics
    assert (unreadable.code, unreadable.location) == (
        Code.UNREADABLE_CELL,
        Location("", "table 1", 2, "2"),
    )


@pytest.mark.parametrize(
    ("module", "name", "extra"),
    [
        (
            "docx",
            "r.docx",
            "reading .docx files needs the python-docx package: pip install 'kpi[docx]'",
        ),
        (
            "openpyxl",
            "r.xlsx",
            "reading .xlsx files needs the openpyxl package: pip install 'kpi[xlsx]'",
        ),
    ],
)
def test_a_missing_extra(
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    small_docx: bytes,
    module: str,
    name: str,
    extra: str,
) -> None:
    real = importlib.import_module  # the function kpi.extras calls

    def import_module(wanted: str, package: str | None = None) -> Any:
        if wanted == module:
            raise ImportError(f"No module named {module!r}")
        return real(wanted, package)

    monkeypatch.setattr("kpi.extras.importlib.import_module", import_module)
    path = tmp_path / name
    path.write_bytes(small_docx)
    with pytest.raises(MissingExtraError) as caught:
        kpi.read_rubric(path)
    assert str(caught.value) == extra


def test_a_merge_to_the_end_of_the_sheet_costs_no_more_than_the_table() -> None:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet["A1"], sheet["C2"] = "标题", "x"
    sheet.merge_cells("A1:B1")  # made whole-sheet below: openpyxl would fill every cell
    out = io.BytesIO()
    workbook.save(out)
    part = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(out) as archive:
        xml = archive.read(part)
    assert xml.count(b'ref="A1:B1"') == 1
    data = rezip(out.getvalue(), replace={part: xml.replace(b"A1:B1", b"A1:XFD1048576")})
    (table,) = read_xlsx_tables(data, file="m.xlsx", sheet=None)
    # the range covers x too: Excel shows only its top-left cell
    assert [row.texts for row in table.rows] == [("标题",) * 3, ("标题",) * 3]


def test_a_span_wider_than_word_allows_is_cut_to_the_grid(small_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(small_docx)) as archive:
        xml = archive.read("word/document.xml")
    first_cell = xml.index(b"<w:tcPr>") + len(b"<w:tcPr>")
    span = b'<w:gridSpan w:val="99999999"/>'
    data = rezip(
        small_docx, replace={"word/document.xml": xml[:first_cell] + span + xml[first_cell:]}
    )
    (table,) = read_docx_tables(data, file="s.docx")
    assert [len(row.cells) for row in table.rows] == [63, 63]
    assert table.rows[0].texts[:3] == ("绩效指标",) * 3


def test_a_file_object_without_a_name() -> None:
    with pytest.raises(RubricReadError) as caught:
        kpi.read_rubric(io.BytesIO(b"PK\x03\x04 cut"), format="xlsx")
    assert str(caught.value) == (
        "cannot read rubric from a file object without a name: "
        "not an Excel workbook (the zip archive is truncated)"
    )


def test_a_chart_sheet_is_not_a_table() -> None:
    workbook = openpyxl.Workbook()
    workbook.active.append(["绩效指标", "优", "良", "中", "差"])
    workbook.active.append(["会议保障率", 95, 90, 80, 70])
    chart = openpyxl.chart.BarChart()
    chart.add_data(openpyxl.chart.Reference(workbook.active, min_col=2, max_col=5, min_row=2))
    # (openpyxl 3.1 cannot read back a chart sheet without a chart: AttributeError)
    workbook.create_chartsheet("图").add_chart(chart)
    out = io.BytesIO()
    workbook.save(out)
    assert len(read_xlsx_tables(out.getvalue(), file="c.xlsx", sheet=None)) == 1
    with pytest.raises(SourceReadError) as caught:
        read_xlsx_tables(out.getvalue(), file="c.xlsx", sheet="图")
    assert str(caught.value) == (
        "cannot read 'c.xlsx': the sheet '图' is a chart sheet, not a worksheet"
    )
