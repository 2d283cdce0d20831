"""CSV and TSV rubrics: the seed's table written at test time, read back.

The seed's 部门职责-工作活动绩效目标 table (``../shared/seeds/000_26cbd3258962cffd.txt``)
is taken from the text reader row by row and written as CSV in UTF-8, UTF-8
with a byte order mark and GB18030, and as TSV; each must give the rubric
the seed text gives, with every indicator and every diagnostic at the CSV row
(and column) where its cell was written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path

import attrs
import pytest

import kpi
from kpi.demo import seed_path
from kpi.diagnostics import Code
from kpi.errors import RubricReadError, SourceReadError
from kpi.location import Location
from kpi.read import read_rubric
from kpi.readers.delimited import read_delimited_tables
from kpi.readers.text import read_text_tables
from kpi.rubric import Rubric
from kpi.source import SourceCell

ROOT = Path(__file__).resolve().parents[1]
SEED = seed_path()  # the bundled copy of ../shared/seeds/000_26cbd3258962cffd.txt

Rows = list[list[str]]


@attrs.frozen
class SeedTable:
    """The seed's rubric, and its rubric table as rows of cell texts with the
    line of every cell (so that a line maps to the row it is written at)."""

    rubric: Rubric
    rows: Rows
    lines: list[list[int]]  # the lines of each row's cells (its own line first)


@pytest.fixture(scope="module")
def seed() -> SeedTable:
    if not SEED.exists():
        pytest.skip(
            f"the seed file {SEED} is absent (it lives in ../shared/seeds next to the "
            "repository); the CSV tests rebuild its table"
        )
    rubric = read_rubric(SEED)
    first = rubric.entries[0].location.row
    tables = read_text_tables(SEED.read_text(encoding="utf-8"), file=SEED.name)
    (table,) = [t for t in tables if any(c.location.row == first for r in t.rows for c in r.cells)]
    return SeedTable(
        rubric,
        [list(row.texts) for row in table.rows],
        [[row.location.row or 0, *(c.location.row or 0 for c in row.cells)] for row in table.rows],
    )


def delimited(rows: Sequence[Sequence[str]], delimiter: str = ",", end: str = "\r\n") -> str:
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=end).writerows(rows)
    return out.getvalue()


def padded(rows: Rows) -> Rows:
    width = max(len(r) for r in rows)
    return [[*r, *([""] * (width - len(r)))] for r in rows]


def same_column(column: str) -> str:
    return column


def assert_read_like_seed(
    got: Rubric,
    seed: SeedTable,
    file: str,
    column_of: Callable[[str], str] = same_column,
) -> None:
    """Equal to the seed's rubric, each indicator and diagnostic at the row
    its cells were written at, and every row accounted for."""
    assert got == seed.rubric
    assert got.names == seed.rubric.names
    row_of = {line: n for n, lines in enumerate(seed.lines, start=1) for line in lines}

    def moved(place: Location) -> Location:
        assert place.row is not None
        return Location(file, row=row_of[place.row], column=column_of(place.column))

    for mine, theirs in zip(got.entries, seed.rubric.entries, strict=True):
        assert mine.location == moved(theirs.location), mine.name
        assert mine.cells == tuple(moved(c) for c in theirs.cells), mine.name
    wanted = [
        (d.code, moved(d.location), d.indicator, d.message)
        for d in seed.rubric.diagnostics
        if d.location.row in row_of
    ]
    found = [(d.code, d.location, d.indicator, d.message) for d in got.diagnostics]
    assert found == wanted
    rows = {e.location.row for e in got.entries} | {d.location.row for d in got.diagnostics}
    assert rows == set(range(1, len(seed.rows) + 1))


# ------------------------------------------------------------------ the seed


@pytest.mark.parametrize(
    ("encoding", "reported"),
    [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("gb18030", "gb18030")],
)
def test_seed_as_csv(seed: SeedTable, tmp_path: Path, encoding: str, reported: str) -> None:
    text = delimited(seed.rows)
    data = text.encode(encoding)
    if encoding == "gb18030":
        assert data != text.encode("utf-8")
        with pytest.raises(UnicodeDecodeError):
            data.decode("utf-8")
    if encoding == "utf-8-sig":
        assert data.startswith(b"\xef\xbb\xbf")
    path = tmp_path / "seed.csv"
    path.write_bytes(data)
    rubric = read_rubric(path)
    assert rubric.encoding == reported
    assert rubric.source == "seed.csv"
    assert len(rubric) == 25
    assert_read_like_seed(rubric, seed, "seed.csv")


@pytest.mark.parametrize("end", ["\r\n", "\n", "\r"])
@pytest.mark.parametrize("shape", ["ragged", "padded"])
def test_line_ends_and_ragged_rows(seed: SeedTable, tmp_path: Path, end: str, shape: str) -> None:
    rows = seed.rows if shape == "ragged" else padded(seed.rows)
    path = tmp_path / "seed.csv"
    path.write_bytes(delimited(rows, end=end).encode("utf-8"))
    assert_read_like_seed(read_rubric(path), seed, "seed.csv")


def test_no_trailing_line_break(seed: SeedTable, tmp_path: Path) -> None:
    path = tmp_path / "seed.csv"
    path.write_bytes(delimited(seed.rows).rstrip("\r\n").encode("utf-8"))
    assert_read_like_seed(read_rubric(path), seed, "seed.csv")


def test_seed_as_tsv(seed: SeedTable, tmp_path: Path) -> None:
    path = tmp_path / "seed.tsv"
    path.write_bytes(delimited(seed.rows, delimiter="\t").encode("gb18030"))
    rubric = read_rubric(path)
    assert rubric.encoding == "gb18030"
    assert_read_like_seed(rubric, seed, "seed.tsv")


def test_seed_from_a_file_object_with_format(seed: SeedTable, tmp_path: Path) -> None:
    path = tmp_path / "seed.txt"  # the name says text: format= says otherwise
    path.write_bytes(delimited(seed.rows, delimiter="\t").encode("utf-8"))
    with path.open("rb") as handle:
        rubric = read_rubric(handle, format="tsv")
    assert_read_like_seed(rubric, seed, "seed.txt")


def test_another_column_order(seed: SeedTable, tmp_path: Path) -> None:
    # tiers 优良中差 first, then 职责活动 年度预算数 内容描述 绩效目标, 绩效指标 last
    order = [5, 6, 7, 8, 0, 1, 2, 3, 4]
    rows = [[row[i] for i in order] for row in padded(seed.rows)]
    assert rows[1][-1] == "绩效指标"
    assert rows[2][:4] == ["优", "良", "中", "差"]
    path = tmp_path / "reordered.csv"
    path.write_bytes(delimited(rows).encode("gb18030"))

    def column_of(column: str) -> str:
        return str(order.index(int(column) - 1) + 1) if column else ""

    rubric = read_rubric(path)
    assert_read_like_seed(rubric, seed, "reordered.csv", column_of)
    assert {e.location.column for e in rubric.entries} == {"9"}


# ------------------------------------------------------------------ records


def test_a_quoted_cell_with_line_breaks_is_one_row() -> None:
    text = (
        "绩效指标,优,良,中,差,内容描述\r\n"
        '会议保障率,≥95%,≥90%,≥80%,<80%,"第一行\r\n第二行, 还有 ""引号"""\r\n'
        "\r\n"
        "应急事件处置情况,≥98%,≥95%,≥90%,<90%\r\n"
        "承办大型会议次数\r\n"
    )
    (table,), encoding = read_delimited_tables(text.encode("utf-8"), file="m.csv", delimiter=",")
    assert encoding == "utf-8"
    assert [row.location.row for row in table.rows] == [1, 2, 3, 4, 5]
    assert {len(row.cells) for row in table.rows} == {6}
    assert table.rows[1].cells[5].text == '第一行\r\n第二行, 还有 "引号"'
    assert table.rows[3].cells[5] == SourceCell("", Location("m.csv", row=4, column="6"))
    rubric = read_rubric(io.BytesIO(text.encode("utf-8")), format="csv")
    assert rubric.names == ("会议保障率", "应急事件处置情况", "承办大型会议次数")
    assert [e.location.row for e in rubric.entries] == [2, 4, 5]
    assert rubric.entries[0].description == '第一行\r\n第二行, 还有 "引号"'
    assert rubric.entries[1].description == '第一行\r\n第二行, 还有 "引号"'  # carried down
    assert not rubric["承办大型会议次数"].is_gradable
    assert [(d.code, d.location.row) for d in rubric.diagnostics] == [
        (Code.HEADER_ROW, 1),
        (Code.BLANK_ROW, 3),
    ]


def test_empty_file_has_one_empty_table() -> None:
    (table,), encoding = read_delimited_tables(b"", file="e.csv", delimiter=",")
    assert table.rows == ()
    assert table.location == Location("e.csv")
    assert encoding == "utf-8"


def test_a_bad_cell_is_a_diagnostic_at_its_row_and_column() -> None:
    text = (
        "绩效指标,优,良,中,差\n会议保障率,≥95%,≥90%,≥80%,<80%\n网络系统升级,≥95%,2019年,≥80%,<80%\n"
    )
    rubric = read_rubric(io.BytesIO(text.encode("gb18030")), format="csv")
    assert rubric.names == ("会议保障率",)
    assert rubric.encoding == "gb18030"
    (bad,) = rubric.errors
    assert bad.code is Code.UNREADABLE_CELL
    assert bad.location == Location("", row=3, column="3")
    assert bad.indicator == "网络系统升级"
    assert "'2019年'" in bad.message
    assert "row 3, column 3" in bad.message


# ------------------------------------------------------------------ single target


def test_single_target_table() -> None:
    text = (
        "指标名称,计算符号,指标值,度量单位\n"
        "会议保障率,≥,95,%\n"
        "系统全年累计故障时长,≤,48,小时\n"
        "对外联络服务满意度,,≥90%,\n"
    )
    rubric = read_rubric(io.BytesIO(text.encode("utf-8")), format="csv")
    assert rubric.names == ("会议保障率", "系统全年累计故障时长", "对外联络服务满意度")
    targets = [e.target for e in rubric.entries]
    assert targets == [kpi.parse("≥95%"), kpi.parse("≤48小时"), kpi.parse("≥90%")]
    assert [e.location.row for e in rubric.entries] == [2, 3, 4]
    assert not rubric.errors


# ------------------------------------------------------------------ refusals


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes("绩效指标,优,良,中,差\n".encode("gb18030") + b"\xff\n")
    with pytest.raises(RubricReadError) as caught:
        read_rubric(path)
    assert str(caught.value) == (
        "cannot read rubric 'bad.csv': expected text in utf-8 or gb18030, found the byte "
        "b'\\xff' at offset 21 that none of them allows; save the file as UTF-8"
    )


def test_undecodable_file_object() -> None:
    with pytest.raises(RubricReadError) as caught:
        read_rubric(io.BytesIO(b"name,value\n\xff\n"), format="csv")
    assert str(caught.value) == (
        "cannot read rubric from a file object without a name: expected text in utf-8 or "
        "gb18030, found the byte b'\\xff' "
        "at offset 11 that none of them allows; save the file as UTF-8"
    )


def test_a_bom_with_bad_utf8_is_refused() -> None:
    data = b"\xef\xbb\xbf" + "绩效指标,优,良,中,差\n".encode("gb18030")
    with pytest.raises(SourceReadError) as caught:
        read_delimited_tables(data, file="bom.csv", delimiter=",")
    assert str(caught.value) == (
        "cannot read 'bom.csv': expected text in utf-8-sig, found the byte b'\\xbc' "
        "at offset 3 that it does not allow; save the file as UTF-8"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '绩效指标,优,良,中,差\n会议保障率,"≥95%"x,≥90%,≥80%,<80%\n',
            "cannot read rubric 'broken.csv': it is not valid CSV at line 2 (row 2): "
            "',' expected after '\"'; quote a cell that holds the delimiter, a quote or a line "
            'break ("...") and double every quote inside it ("")',
        ),
        (
            '绩效指标,优,良,中,差\n\n会议保障率,"≥95%,≥90%,≥80%,<80%\n',
            "cannot read rubric 'broken.csv': it is not valid CSV at line 3 (row 3): "
            "unexpected end of data; quote a cell that holds the delimiter, a quote or a "
            'line break ("...") and double every quote inside it ("")',
        ),
        (
            "绩效指标,优,良,中,差\n会议保障率," + "9" * 200_000 + "\n",
            "cannot read rubric 'broken.csv': it is not valid CSV at line 2 (row 2): "
            "field larger than field limit (131072); a cell this long is no rubric cell; "
            "check that the file is the rubric table",
        ),
    ],
    ids=["text-after-quote", "quote-left-open", "huge-cell"],
)
def test_not_valid_csv(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "broken.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(RubricReadError) as caught:
        read_rubric(path)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "text",
    ["名称,数值\n会议保障率,95%\n", "", "\r\n\r\n"],
    ids=["no-rubric-header", "empty", "blank-lines"],
)
def test_no_rubric_header(tmp_path: Path, text: str) -> None:
    path = tmp_path / "plain.csv"
    path.write_bytes(text.encode("utf-8"))
    with pytest.raises(RubricReadError) as caught:
        read_rubric(path)
    assert str(caught.value) == (
        "cannot read rubric 'plain.csv': no table in it has a header that names an "
        "indicator column and tier columns (优/良/中/差) or a target column (指标值)"
    )
