"""From source tables to a rubric: ``kpi.assemble.assemble``, format-free.

Every reader hands :func:`kpi.assemble.assemble` a list of
:class:`~kpi.source.SourceTable`; these tests build such tables directly
from lists of strings (cells located like a sheet: ``row 3, column E``) and
check what the issue (issue 3) asks of assembly:

* headers are recognised by meaning, whatever the column order: every word
  of ``grammar/headers.toml`` with spaces, brackets and extra characters, a
  评价标准 row over an 优/良/中/差 row, other ordered scales;
* a table without such a header is reported as not a rubric;
* every row of a rubric table becomes an indicator or a diagnostic that says
  why it is not one (blank, header, context, no name, unreadable cell,
  incompatible units); context (duty, activity, budget, description, goal)
  is carried down the rows of one activity and reset by a new duty.

The expected values are written from those rules, not from kpi's output.
"""

from __future__ import annotations

import itertools
import string
import tomllib
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpi
from kpi.assemble import MAX_HEADER_ROWS, assemble, load_header_words
from kpi.diagnostics import Code, Diagnostic, Severity
from kpi.location import Location
from kpi.rubric import Entry, Rubric
from kpi.source import SourceCell, SourceRow, SourceTable

ROOT = Path(__file__).resolve().parents[1]
HEADERS_TOML = ROOT / "grammar" / "headers.toml"

FILE = "rubric.xlsx"
SHEET = "Sheet1"

优, 良, 中, 差 = kpi.Grade.优, kpi.Grade.良, kpi.Grade.中, kpi.Grade.差
TIERS = ["≥95%", "≥90%", "≥80%", "＜80%"]
NAME = "会议保障率"
GRADES = ["优", "良", "中", "差"]


# ------------------------------------------------------------------ helpers


def letter(column: int) -> str:
    """The sheet letter of a 0-based column: 0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    column += 1
    while column:
        column, rest = divmod(column - 1, 26)
        letters = string.ascii_uppercase[rest] + letters
    return letters


def source_table(
    rows: Sequence[Sequence[str]], *, file: str = FILE, sheet: str = SHEET, first_row: int = 1
) -> SourceTable:
    """A table as a sheet reader would give it: rows numbered from
    *first_row*, cells located by their column letter."""
    built = []
    for number, texts in enumerate(rows, start=first_row):
        cells = tuple(
            SourceCell(text, Location(file, sheet, number, letter(c)))
            for c, text in enumerate(texts)
        )
        built.append(SourceRow(cells, Location(file, sheet, number)))
    return SourceTable(tuple(built), Location(file, sheet))


def read(*tables: Sequence[Sequence[str]]) -> Rubric:
    """The rubric of *tables*, each on its own sheet (T1, T2, ...)."""
    return assemble(
        [source_table(rows, sheet=f"T{i}") for i, rows in enumerate(tables, start=1)]
        if len(tables) > 1
        else [source_table(tables[0])]
    )


def at(row: int, column: str = "") -> Location:
    return Location(FILE, SHEET, row, column)


Found = tuple[str, int | None, str, str, str]


def found(diagnostics: Sequence[Diagnostic]) -> list[Found]:
    """(code, row, column, indicator, message) of each diagnostic, by row."""
    return sorted(
        (d.code.slug, d.location.row, d.location.column, d.indicator, d.message)
        for d in diagnostics
    )


def slugs(rubric: Rubric) -> list[tuple[str, int | None]]:
    return sorted((d.code.slug, d.location.row) for d in rubric.diagnostics)


def header_words() -> dict[str, list[str]]:
    """Every role of headers.toml and its words, read from the file itself."""
    data = tomllib.loads(HEADERS_TOML.read_text(encoding="utf-8"))
    return {role: list(table["words"]) for role, table in data["roles"].items()}


HEADER_WORDS = header_words()
ROLE_WORDS = [(role, word) for role, words in HEADER_WORDS.items() for word in words]


# ------------------------------------------------- header words, one by one


def test_headers_toml_has_every_role_kpi_documents() -> None:
    assert set(HEADER_WORDS) == {
        "name",
        "tiers",
        "target",
        "operator",
        "unit",
        "activity",
        "budget",
        "description",
        "goal",
        "level1",
        "level2",
        "weight",
    }


# How a header cell may be written around its word.
VARIANTS: list[tuple[str, str]] = [
    ("as is", "{w}"),
    ("spaces between characters", "{spaced}"),
    ("ideographic spaces around", "\u3000{w}\u3000"),
    ("line break inside", "{first}\n{rest}"),
    ("full-width colon", "{w}："),
    ("half-width colon", "{w}:"),
    ("required mark", "*{w}"),
    ("full-width required mark", "＊{w}"),
    ("full-width brackets around", "（{w}）"),
    ("full-width year after", "{w}（2024年）"),
    ("half-width year after", "{w}(2024年)"),
    ("square brackets after", "{w}【万元】"),
]


def variant(template: str, word: str) -> str:
    return template.format(w=word, spaced=" ".join(word), first=word[:1], rest=word[1:])


@pytest.mark.parametrize(("role", "word"), ROLE_WORDS)
@pytest.mark.parametrize(("how", "template"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_every_header_word_gives_its_role(role: str, word: str, how: str, template: str) -> None:
    assert load_header_words().role(variant(template, word)) == role


LONGEST_WORD_CASES: list[tuple[str, str]] = [
    ("指标值", "target"),  # not 指标 (name)
    ("绩效指标值", "target"),  # not 绩效指标 (name)
    ("年度指标值(2024年)", "target"),
    ("年度指标值（2024年度）", "target"),
    ("年度目标值", "target"),  # not 年度目标 (goal)
    ("年度目标", "goal"),
    ("绩效目标", "goal"),  # not 绩效指标
    ("绩效指标名称", "name"),
    ("活动内容", "description"),  # not 活动 (activity)
    ("指标分值", "weight"),  # not 指标 (name)
    ("一级指标", "level1"),
    ("二级指标", "level2"),
    ("三级指标", "name"),
    ("年度预算数（万元）", "budget"),
    ("计算符号", "operator"),
    ("度量单位", "unit"),
]


@pytest.mark.parametrize(("text", "role"), LONGEST_WORD_CASES)
def test_the_longest_header_word_decides(text: str, role: str) -> None:
    assert load_header_words().role(text) == role


NOT_HEADER_WORDS = ["", " ", "\u3000", "序号", "备注", "说明", "合计", "绩效指标" + "甲" * 9]


@pytest.mark.parametrize("text", NOT_HEADER_WORDS)
def test_other_texts_give_no_role(text: str) -> None:
    assert load_header_words().role(text) is None


# -------------------------------------------- header words, in a whole table

HEAD = ["绩效指标", *GRADES]
ROW = [NAME, *TIERS]


def the_entry(rubric: Rubric) -> Entry:
    assert len(rubric.entries) == 1, found(rubric.diagnostics)
    return rubric.entries[0]


# role -> (header row with {w} for the word, data row, what the entry shows)
ROLE_TABLES: dict[str, tuple[list[str], list[str], str, object]] = {
    "name": (["{w}", *GRADES], ROW, "name", NAME),
    "target": (["绩效指标", "{w}", *GRADES], [NAME, "≥95%", *TIERS], "target", kpi.parse("≥95%")),
    "operator": (
        ["绩效指标", "{w}", "指标值", *GRADES],
        [NAME, "≥", "95%", *TIERS],
        "target",
        kpi.parse("≥95%"),
    ),
    "unit": (["绩效指标", "{w}", *GRADES], [NAME, "%", "≥95", "≥90", "≥80", "<80"], "unit", "%"),
    "activity": (["{w}", *HEAD], ["政务联络", *ROW], "activity", "政务联络"),
    "budget": (["{w}", *HEAD], ["95.1", *ROW], "budget", Decimal("95.1")),
    "description": (["{w}", *HEAD], ["政务信息工作", *ROW], "description", "政务信息工作"),
    "goal": (["{w}", *HEAD], ["提升服务水平", *ROW], "goal", "提升服务水平"),
    # a level or weight column stands before the name column and is not it
    "level1": (["{w}", *HEAD], ["产出指标", *ROW], "name", NAME),
    "level2": (["{w}", *HEAD], ["质量指标", *ROW], "name", NAME),
    "weight": (["{w}", *HEAD], ["10", *ROW], "name", NAME),
}


def shown(entry: Entry, what: str) -> object:
    if what == "unit":
        return entry.indicator.unit.word if entry.indicator.unit else None
    return getattr(entry, what)


@pytest.mark.parametrize(("role", "word"), [(r, w) for r, w in ROLE_WORDS if r != "tiers"], ids=str)
def test_every_header_word_gives_its_column_a_role_in_a_table(role: str, word: str) -> None:
    header, row, what, expected = ROLE_TABLES[role]
    rubric = read([[h.format(w=word) for h in header], row])
    assert shown(the_entry(rubric), what) == expected
    assert slugs(rubric) == [("header-row", 1)]


@pytest.mark.parametrize("word", HEADER_WORDS["tiers"])
def test_a_tiers_word_over_a_grade_row_makes_two_header_rows(word: str) -> None:
    rubric = read([["绩效指标", word, "", "", ""], ["", *GRADES], ROW])
    entry = the_entry(rubric)
    assert entry.indicator == kpi.Indicator(NAME, TIERS)
    assert entry.location == at(3, "A")
    assert slugs(rubric) == [("header-row", 1), ("header-row", 2)]


def test_the_seed_header_two_rows_with_merged_cells_repeated() -> None:
    # as a Word or Excel reader gives it: merged cells repeat their text
    first = ["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", *["评价标准"] * 4]
    second = ["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", *GRADES]
    rubric = read([first, second, ["政务联络", "95.1", "描述", "目标", *ROW]])
    assert the_entry(rubric) == Entry(
        kpi.Indicator(NAME, TIERS),
        activity="政务联络",
        budget=Decimal("95.1"),
        description="描述",
        goal="目标",
    )
    assert slugs(rubric) == [("header-row", 1), ("header-row", 2)]


HEADER_CELL_CASES: list[tuple[str, list[str]]] = [
    ("spaces", ["绩 效 指 标", "优 ", " 良", "　中　", "差\n"]),
    ("full-width brackets", ["（绩效指标）", "（优）", "（良）", "（中）", "（差）"]),
    ("colons", ["绩效指标：", "优:", "良：", "中", "差"]),
    ("extra characters", ["三级指标（名称）", "优", "良", "中", "差"]),
    ("line breaks", ["绩效\n指标", "优\n", "良", "中", "差"]),
]


@pytest.mark.parametrize(("how", "header"), HEADER_CELL_CASES)
def test_header_cells_are_compared_without_spaces_and_brackets(how: str, header: list[str]) -> None:
    entry = the_entry(read([header, ROW]))
    assert entry.indicator == kpi.Indicator(NAME, TIERS)
    assert entry.cells == tuple(at(2, c) for c in "BCDE")


SCALE_CASES: list[tuple[type[kpi.ScaleGrade], list[str]]] = [
    (kpi.Grade, ["优", "良", "中", "差"]),
    (kpi.QualificationGrade, ["优秀", "合格", "基本合格", "不合格"]),
    (kpi.CompetenceGrade, ["优秀", "称职", "基本称职", "不称职"]),
]


@pytest.mark.parametrize(("scale", "labels"), SCALE_CASES, ids=lambda v: str(v))
def test_other_ordered_scales(scale: type[kpi.ScaleGrade], labels: list[str]) -> None:
    entry = the_entry(read([["绩效指标", *labels], ROW]))
    assert entry.indicator.scale is scale
    assert entry.indicator == kpi.Indicator(NAME, dict(zip(labels, TIERS, strict=True)))


@pytest.mark.parametrize(("scale", "labels"), SCALE_CASES, ids=lambda v: str(v))
def test_other_scales_under_a_tiers_header(scale: type[kpi.ScaleGrade], labels: list[str]) -> None:
    rubric = read([["指标名称", "评分标准", "", "", ""], ["", *labels], ROW])
    assert the_entry(rubric).indicator.scale is scale
    assert slugs(rubric) == [("header-row", 1), ("header-row", 2)]


def test_a_partial_scale_is_not_a_tier_header() -> None:
    # 优 良 中 without 差 is no scale, and 绩效指标 alone names one column
    rubric = read([["绩效指标", "优", "良", "中"], [NAME, "≥95%", "≥90%", "≥80%"]])
    assert rubric.entries == ()
    assert found(rubric.diagnostics) == [
        (
            "not-a-rubric",
            1,
            "",
            "",
            "a table (rows 1-2) that is not a rubric: no header row names its columns",
        )
    ]


# ---------------------------------------------------------------- column order

# The columns of a full rubric row, by header, with the cell of one row.
FULL_ROW: dict[str, str] = {
    "职责活动": "政务联络",
    "年度预算数": "95.1",
    "内容描述": "政务信息工作",
    "绩效目标": "提升服务水平",
    "绩效指标": NAME,
    "优": "≥95%",
    "良": "≥90%",
    "中": "≥80%",
    "差": "＜80%",
}
FULL_ENTRY = Entry(
    kpi.Indicator(NAME, TIERS),
    activity="政务联络",
    budget=Decimal("95.1"),
    description="政务信息工作",
    goal="提升服务水平",
)

ORDERS: list[tuple[str, list[str]]] = [
    ("as in the seed", list(FULL_ROW)),
    (
        "tiers first, name last",
        ["优", "良", "中", "差", "职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标"],
    ),
    (
        "tiers worst first",
        ["绩效指标", "差", "中", "良", "优", "职责活动", "年度预算数", "内容描述", "绩效目标"],
    ),
    (
        "shuffled",
        ["差", "内容描述", "良", "绩效指标", "年度预算数", "优", "绩效目标", "中", "职责活动"],
    ),
    ("reversed", list(reversed(FULL_ROW))),
]


@pytest.mark.parametrize(("how", "order"), ORDERS, ids=[o[0] for o in ORDERS])
def test_any_column_order(how: str, order: list[str]) -> None:
    rubric = read([order, [FULL_ROW[h] for h in order]])
    entry = the_entry(rubric)
    assert entry == FULL_ENTRY
    assert entry.location == at(2, letter(order.index("绩效指标")))
    # the tier cells, best grade first, wherever their columns stand
    assert entry.cells == tuple(at(2, letter(order.index(g))) for g in GRADES)
    assert slugs(rubric) == [("header-row", 1)]


@pytest.mark.parametrize("order", list(itertools.permutations(range(5)))[::7])
def test_any_permutation_of_name_and_tiers(order: tuple[int, ...]) -> None:
    header = [HEAD[i] for i in order]
    entry = the_entry(read([header, [ROW[i] for i in order]]))
    assert entry.indicator == kpi.Indicator(NAME, TIERS)
    assert entry.cells == tuple(at(2, letter(header.index(g))) for g in GRADES)


# ---------------------------------------------------------------- captions


@pytest.mark.parametrize("captions", range(MAX_HEADER_ROWS + 1))
def test_captions_above_the_header(captions: int) -> None:
    above = [[f"说明{i}", ""] for i in range(1, captions + 1)]
    rubric = read([*above, HEAD, ROW])
    assert the_entry(rubric).location == at(captions + 2, "A")
    assert found(rubric.diagnostics) == [
        *[
            ("context-row", i, "", "", f"a caption above the header: 说明{i}")
            for i in range(1, captions + 1)
        ],
        ("header-row", captions + 1, "", "", "a header row"),
    ]


def test_the_seed_caption_row_above_the_header() -> None:
    rubric = read([["434无极县政府", "单位：万元"], HEAD, ROW])
    assert found(rubric.diagnostics) == [
        ("context-row", 1, "", "", "a caption above the header: 434无极县政府 / 单位：万元"),
        ("header-row", 2, "", "", "a header row"),
    ]


def test_too_many_captions_and_the_table_is_not_a_rubric() -> None:
    above = [[f"说明{i}"] for i in range(1, MAX_HEADER_ROWS + 2)]
    rubric = read([*above, HEAD, ROW])
    assert rubric.entries == ()
    last = MAX_HEADER_ROWS + 3
    assert found(rubric.diagnostics) == [
        (
            "not-a-rubric",
            1,
            "",
            "",
            f"a table (rows 1-{last}) that is not a rubric: no header row names its columns",
        )
    ]


# ------------------------------------------------------------ not a rubric

NOT_A_RUBRIC_CASES: list[tuple[str, list[list[str]], str]] = [
    (
        "no header at all",
        [["无极县人民政府办公室", "行政", "正科级"], ["信息中心", "事业", "副科级"]],
        "no header row names its columns",
    ),
    (
        "the seed's table of units: one role only (单位)",
        [
            ["单位名称", "单位性质", "单位规格", "经费保障形式"],
            ["政府办", "行政", "正科级", "拨款"],
        ],
        "no header row names its columns",
    ),
    (
        "a header without tier or target columns",
        [["绩效指标", "职责活动", "年度预算数"], [NAME, "政务联络", "95.1"]],
        "its header names no indicator column with 优/良/中/差 or 指标值",
    ),
    (
        "tiers without a name column",
        [["职责活动", *GRADES], ["政务联络", *TIERS]],
        "its header names no indicator column with 优/良/中/差 or 指标值",
    ),
    (
        "a target without a name column",
        [["职责活动", "年度指标值"], ["政务联络", "≥95%"]],
        "its header names no indicator column with 优/良/中/差 or 指标值",
    ),
]


@pytest.mark.parametrize(
    ("how", "rows", "why"), NOT_A_RUBRIC_CASES, ids=[c[0] for c in NOT_A_RUBRIC_CASES]
)
def test_a_table_that_is_not_a_rubric(how: str, rows: list[list[str]], why: str) -> None:
    rubric = read(rows)
    assert rubric.entries == ()
    assert found(rubric.diagnostics) == [
        ("not-a-rubric", 1, "", "", f"a table (rows 1-{len(rows)}) that is not a rubric: {why}")
    ]
    assert rubric.diagnostics[0].severity is kpi.Severity.INFO


def test_an_empty_table_is_not_a_rubric() -> None:
    rubric = assemble([SourceTable((), Location(FILE, SHEET))])
    assert [(d.code, d.location, d.message) for d in rubric.diagnostics] == [
        (
            Code.NOT_A_RUBRIC,
            Location(FILE, SHEET),
            "a table (no rows) that is not a rubric: no header row names its columns",
        )
    ]


def test_a_rubric_among_other_tables() -> None:
    rubric = read([["单位名称", "单位性质"], ["政府办", "行政"]], [HEAD, ROW], [["合计", "95.1"]])
    assert the_entry(rubric).location == Location(FILE, "T2", 2, "A")
    assert sorted((d.code.slug, d.location.sheet) for d in rubric.diagnostics) == [
        ("header-row", "T2"),
        ("not-a-rubric", "T1"),
        ("not-a-rubric", "T3"),
    ]


# ------------------------------------------------------------ single targets

SINGLE_TARGET_CASES: list[tuple[str, list[list[str]], kpi.Threshold]] = [
    ("指标值 column", [["三级指标", "指标值"], [NAME, "≥95%"]], kpi.parse("≥95%")),
    (
        "年度指标值(2024年) column",
        [["三级指标", "年度指标值(2024年)"], [NAME, "≥95%"]],
        kpi.parse("≥95%"),
    ),
    (
        "计算符号 | 指标值 | 度量单位",
        [["三级指标", "计算符号", "指标值", "度量单位"], [NAME, "≥", "95", "%"]],
        kpi.parse("≥95%"),
    ),
    (
        "columns shuffled",
        [["度量单位", "指标值", "三级指标", "计算符号"], ["%", "95", NAME, "≥"]],
        kpi.parse("≥95%"),
    ),
    (
        "a time in hours",
        [["三级指标", "计算符号", "指标值", "度量单位"], ["故障时长", "≤", "48", "小时"]],
        kpi.parse("≤48小时"),
    ),
]


@pytest.mark.parametrize(
    ("how", "rows", "target"), SINGLE_TARGET_CASES, ids=[c[0] for c in SINGLE_TARGET_CASES]
)
def test_single_target_rows(how: str, rows: list[list[str]], target: kpi.Threshold) -> None:
    # `≥ | 95 | %` is the same as `≥95%` (issue 3); the row is an indicator
    # with a target and no tiers, kept for the scoring work
    rubric = read(rows)
    assert slugs(rubric) == [("header-row", 1)]
    entry = the_entry(rubric)
    assert entry.name == rows[1][rows[0].index("三级指标")]
    assert entry.target == target
    assert not entry.indicator.is_gradable


def test_operator_and_unit_columns_apply_to_the_target_beside_tiers() -> None:
    header = ["绩效指标", "计算符号", "指标值", "度量单位", *GRADES]
    entry = the_entry(read([header, [NAME, "≥", "95", "%", "≥90", "≥80", "≥60", "<60"]]))
    assert entry.target == kpi.parse("≥95%")


# ---------------------------------------------------------------- unit column

UNIT_COLUMN_CASES: list[tuple[str, list[str], str, str, kpi.Grade]] = [
    ("%", ["≥90", "≥80", "≥60", "<60"], "85%", "85%", 良),
    ("%", ["90以上", "80-89", "60-79", "60以下"], "95%", "95%", 优),
    ("次", ["≥3", "2", "1", "0"], "2", "2次", 良),
    ("小时", ["＜48", "＜96", "＜192", "≥192"], "100", "100小时", 中),
]


@pytest.mark.parametrize(("unit", "cells", "value", "with_unit", "grade"), UNIT_COLUMN_CASES)
def test_a_unit_column_with_bare_tier_numbers(
    unit: str, cells: list[str], value: str, with_unit: str, grade: kpi.Grade
) -> None:
    entry = the_entry(read([["绩效指标", "度量单位", *GRADES], ["指标", unit, *cells]]))
    indicator = entry.indicator
    assert indicator == kpi.Indicator("指标", cells, unit=unit)
    assert indicator.unit is not None
    assert indicator.unit.word == unit
    # the bare numbers are read in the column's unit
    assert kpi.grade(indicator, value) is grade
    assert kpi.grade(indicator, with_unit) is grade


def test_a_unit_column_means_the_same_as_units_in_the_cells() -> None:
    bare = the_entry(
        read([["绩效指标", "度量单位", *GRADES], [NAME, "%", "≥95", "≥90", "≥80", "<80"]])
    )
    written = kpi.Indicator(NAME, ["≥95%", "≥90%", "≥80%", "<80%"])
    assert bare.indicator.unit == written.unit
    for grade in kpi.Grade:
        assert bare.indicator.tier(grade).intervals == written.tier(grade).intervals


def test_an_unknown_unit_in_the_unit_column_is_a_bad_row() -> None:
    rubric = read([["绩效指标", "度量单位", *GRADES], [NAME, "克拉", "≥95", "≥90", "≥80", "<80"]])
    assert rubric.entries == ()
    assert found(rubric.diagnostics) == [
        ("bad-row", 2, "A", NAME, f"indicator {NAME!r}: '克拉' is not a known unit"),
        ("header-row", 1, "", "", "a header row"),
    ]


# ------------------------------------------------------ rows of a whole table

HEADER = ["职责活动", "年度预算数", "内容描述", "绩效目标", "绩效指标", *GRADES]
E = [""] * 4  # the four context cells of a continuation row

# The context cells of three activity rows of TABLE.
A1 = ["　　政务公开、会议管理。", "95.1", "不断提高业务水平。", "提升服务水平。"]
A2 = ["　　应急管理", "", "县政府值班工作。", "建设运行维护平台数据。"]
A3 = ["地方志事务管理", "十万", "全县地方志事务管理。", "弘扬传统文化。"]

# The rows of TABLE, numbered as in the sheet (row 1 is the header).
TABLE: list[list[str]] = [
    HEADER,
    ["政务服务与政务管理", "95.1", "政务公开、县政府大型会议管理。", "突出政务。", *[""] * 5],
    [*A1, "事项督查反馈率", "≥90%", "≥80%", "≥60%", "＜60%"],
    [*E, "组织对外联络（次）", "≥3", "2", "1", "0"],
    [""] * 9,
    [" ", "\u3000", "", "\t", "", "", "", "", ""],
    HEADER,
    [*E, "", "≥95%", "≥90%", "≥80%", "＜80%"],
    [*E, "会议保障率", "≥95%", "9O%以上", "≥80%", "＜80%"],
    [*E, "网络系统升级", "≥95%", "≥90小时", "≥80%", "＜80%"],
    [*E, "承办大型会议次数", "", "", "", ""],
    ["应急管理", *[""] * 8],
    [*E, "系统全年累计故障时长（小时）", "＜48", "＜96", "＜192", "≥192"],
    [*A2, "应急事件处置情况", "≥98%", "≥95%", "≥90%", "＜90%"],
    [*E, "应急事件处置情况", "≥98%", "≥95%", "≥90%", "＜90%"],
    [*A3, "培训修志队伍", "≥3", "2", "1", "0"],
]


def in_activity1(indicator: kpi.Indicator) -> Entry:
    """An entry of the first activity of TABLE (rows 3-11)."""
    return Entry(
        indicator,
        duty="政务服务与政务管理",
        activity="政务公开、会议管理。",
        budget=Decimal("95.1"),
        description="不断提高业务水平。",
        goal="提升服务水平。",
    )


def in_activity2(indicator: kpi.Indicator) -> Entry:
    """An entry of the second activity of TABLE (rows 14-15)."""
    return Entry(
        indicator,
        duty="应急管理",
        activity="应急管理",
        description="县政府值班工作。",
        goal="建设运行维护平台数据。",
    )


EMERGENCY = kpi.Indicator("应急事件处置情况", ["≥98%", "≥95%", "≥90%", "＜90%"])
TABLE_ENTRIES: list[tuple[int, Entry]] = [
    (3, in_activity1(kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"]))),
    (4, in_activity1(kpi.Indicator("组织对外联络（次）", ["≥3", "2", "1", "0"]))),
    (11, in_activity1(kpi.Indicator("承办大型会议次数", [None] * 4))),
    # a new duty resets activity, budget, description and goal
    (
        13,
        Entry(
            kpi.Indicator("系统全年累计故障时长（小时）", ["＜48", "＜96", "＜192", "≥192"]),
            duty="应急管理",
        ),
    ),
    (14, in_activity2(EMERGENCY)),
    (15, in_activity2(EMERGENCY)),
    # a budget that is not a number: the indicator is kept, the budget is not
    (
        16,
        Entry(
            kpi.Indicator("培训修志队伍", ["≥3", "2", "1", "0"]),
            duty="应急管理",
            activity="地方志事务管理",
            description="全县地方志事务管理。",
            goal="弘扬传统文化。",
        ),
    ),
]

TABLE_DIAGNOSTICS: list[Found] = [
    ("header-row", 1, "", "", "a header row"),
    (
        "context-row",
        2,
        "",
        "",
        "a context row with no indicator: 政务服务与政务管理 / 95.1 / "
        "政务公开、县政府大型会议管理。 / 突出政务。",
    ),
    ("blank-row", 5, "", "", "a blank row"),
    ("blank-row", 6, "", "", "a blank row"),
    ("header-row", 7, "", "", "a header row repeated in the table"),
    (
        "bad-row",
        8,
        "",
        "",
        "a row with thresholds (≥95% | ≥90% | ≥80% | ＜80%) but no indicator name; "
        "write the indicator's name in its column",
    ),
    (
        "unreadable-cell",
        9,
        "G",
        "会议保障率",
        "cannot read threshold '9O%以上' in rubric.xlsx, sheet 'Sheet1', row 9, column G: "
        "unknown unit 'O' after a number at column 2 "
        "(add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
        "    9O%以上\n"
        "     ^",
    ),
    (
        "incompatible-units",
        10,
        "G",
        "网络系统升级",
        "indicator '网络系统升级': tier 良 '[90小时, +∞)' is in 小时 (time), which does not "
        "convert to % (ratio); write every tier in one unit",
    ),
    ("context-row", 12, "", "", "a context row with no indicator: 应急管理"),
    (
        "duplicate-name",
        15,
        "E",
        "应急事件处置情况",
        "the indicator '应急事件处置情况' appears again in the same activity (first at "
        "rubric.xlsx, sheet 'Sheet1', row 14, column E); give each indicator its own name",
    ),
    (
        "unreadable-budget",
        16,
        "B",
        "培训修志队伍",
        "the budget '十万' is not a number, so the indicators of this "
        "activity have no budget; write it as digits such as 95.1",
    ),
]


def test_every_row_of_a_table() -> None:
    rubric = read(TABLE)
    assert [(e.location.row, e) for e in rubric.entries] == TABLE_ENTRIES
    # where in the row each finding points is checked below
    assert [(c, r, i, m) for c, r, _, i, m in found(rubric.diagnostics)] == [
        (c, r, i, m) for c, r, _, i, m in sorted(TABLE_DIAGNOSTICS)
    ]


TABLE_CELL_FINDINGS = [f for f in TABLE_DIAGNOSTICS if f[2]]


@pytest.mark.parametrize("finding", TABLE_CELL_FINDINGS, ids=lambda f: f"{f[0]}-{f[1]}")
def test_a_finding_about_a_cell_points_at_that_cell(finding: Found) -> None:
    code, row, column, indicator, _ = finding
    places = [
        d.location
        for d in read(TABLE).diagnostics
        if (d.code.slug, d.location.row, d.indicator) == (code, row, indicator)
    ]
    assert places == [at(row, column)]


def test_every_row_of_a_table_is_accounted_for() -> None:
    rubric = read(TABLE)
    assert_accounted([source_table(TABLE)], rubric)
    # the rows that are not indicators are the rows of the diagnostics
    not_indicators = set(range(1, len(TABLE) + 1)) - {r for r, _ in TABLE_ENTRIES}
    assert not_indicators == {1, 2, 5, 6, 7, 8, 9, 10, 12}


def test_entries_locate_their_name_and_tier_cells() -> None:
    entry = read(TABLE).entries[0]
    assert entry.location == at(3, "E")
    assert entry.cells == (at(3, "F"), at(3, "G"), at(3, "H"), at(3, "I"))


def test_a_repeated_two_row_header_is_two_header_rows() -> None:
    # a Word table that runs over a page repeats both of its header rows;
    # the 优/良/中/差 row has no name, but it is a header, not a row of
    # thresholds without a name
    top = ["绩效指标", "评价标准", "", "", ""]
    grades = ["", *GRADES]
    rubric = read([top, grades, ROW, top, grades, ["网络系统升级", *TIERS]])
    assert [e.name for e in rubric.entries] == [NAME, "网络系统升级"]
    assert slugs(rubric) == [
        ("header-row", 1),
        ("header-row", 2),
        ("header-row", 4),
        ("header-row", 5),
    ]


def test_context_is_carried_down_the_rows_of_one_activity() -> None:
    rubric = read(
        [
            HEADER,
            ["政务联络", "95.1", "描述", "目标", "甲率", *TIERS],
            [*E, "乙率", *TIERS],
            ["", "", "", "", "丙率", *TIERS],
        ]
    )
    context = ("政务联络", Decimal("95.1"), "描述", "目标")
    assert [(e.name, e.activity, e.budget, e.description, e.goal) for e in rubric.entries] == [
        (n, *context) for n in ("甲率", "乙率", "丙率")
    ]


def test_a_new_duty_resets_the_context() -> None:
    rubric = read(
        [
            HEADER,
            ["政务服务", "", "", "", "", "", "", "", ""],
            ["政务联络", "95.1", "描述", "目标", "甲率", *TIERS],
            ["应急管理", "", "", "", "", "", "", "", ""],
            [*E, "乙率", *TIERS],
        ]
    )
    assert list(rubric.entries) == [
        Entry(
            kpi.Indicator("甲率", TIERS),
            duty="政务服务",
            activity="政务联络",
            budget=Decimal("95.1"),
            description="描述",
            goal="目标",
        ),
        Entry(kpi.Indicator("乙率", TIERS), duty="应急管理"),
    ]


def test_a_new_activity_does_not_take_the_budget_of_the_one_above() -> None:
    # continuation rows (empty leading cells) belong to the activity above;
    # a row that names another activity is not one of them, so its empty
    # budget, description and goal are empty, not those of another activity
    rubric = read(
        [
            HEADER,
            ["政务联络", "95.1", "描述", "目标", "甲率", *TIERS],
            ["应急管理", "", "", "", "乙率", *TIERS],
        ]
    )
    assert rubric.entries[1] == Entry(kpi.Indicator("乙率", TIERS), activity="应急管理")


def test_a_bad_budget_is_reported_once_for_its_cell() -> None:
    # the cell is carried down to the rows below it, but it is one cell
    rubric = read(
        [
            HEADER,
            ["政务联络", "九十五", "描述", "目标", "甲率", *TIERS],
            [*E, "乙率", *TIERS],
            [*E, "丙率", *TIERS],
        ]
    )
    assert [e.budget for e in rubric.entries] == [None, None, None]
    budget = [d for d in rubric.diagnostics if d.code is Code.UNREADABLE_BUDGET]
    assert [(d.location, d.message) for d in budget] == [
        (
            at(2, "B"),
            "the budget '九十五' is not a number, so the indicators of this "
            "activity have no budget; write it as digits such as 95.1",
        )
    ]


BUDGET_CASES: list[tuple[str, Decimal | None]] = [
    ("95.1", Decimal("95.1")),
    (" 95.1 ", Decimal("95.1")),
    ("1,234.5", Decimal("1234.5")),
    ("0", Decimal("0")),
    ("", None),
    ("abc", None),
    ("NaN", None),
    ("Infinity", None),
    ("95.1万元", None),
]


@pytest.mark.parametrize(("cell", "budget"), BUDGET_CASES)
def test_budget_cells(cell: str, budget: Decimal | None) -> None:
    rubric = read([["年度预算数", *HEAD], [cell, *ROW]])
    assert the_entry(rubric).budget == budget
    errors = [
        (d.code.slug, d.location, d.message)
        for d in rubric.diagnostics
        if d.severity is not Severity.INFO
    ]
    if budget is None and cell.strip():
        assert errors == [
            (
                "unreadable-budget",
                at(2, "A"),
                f"the budget {cell!r} is not a number, so the indicators of this "
                "activity have no budget; write it as digits such as 95.1",
            )
        ]
    else:
        assert errors == []


# ------------------------------------------------------ unreadable tier cells

UNREADABLE_CASES: list[tuple[str, int, str]] = [
    # (the cell, in column 良, the whole message after the location)
    (
        "9O%以上",
        2,
        "unknown unit 'O' after a number at column 2 "
        "(add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
        "    9O%以上\n"
        "     ^",
    ),
    ("60~", 2, "expected a number at column 4\n    60~\n       ^"),
    (
        "≥９０％以上ｘ",
        2,
        "expected the end of the text at column 7\n    ≥９０％以上ｘ\n               ^",
    ),
]


@pytest.mark.parametrize(("cell", "column", "message"), UNREADABLE_CASES)
def test_an_unreadable_tier_cell(cell: str, column: int, message: str) -> None:
    rubric = read([HEAD, [NAME, "≥95%", cell, "≥80%", "＜80%"], ["网络系统升级", *TIERS]])
    # the row with the bad cell gives no indicator; the next row is read
    assert [e.name for e in rubric.entries] == ["网络系统升级"]
    where = f"{FILE}, sheet {SHEET!r}, row 2, column C"
    assert found(rubric.errors) == [
        ("unreadable-cell", 2, "C", NAME, f"cannot read threshold {cell!r} in {where}: {message}")
    ]
    assert rubric.errors[0].location == at(2, "C")
    assert rubric.errors[0].severity is kpi.Severity.ERROR


def test_two_unreadable_cells_of_one_row_are_both_reported() -> None:
    rubric = read([HEAD, [NAME, "≥9x5%", "≥9y0%", "≥80%", "＜80%"]])
    assert rubric.entries == ()
    assert [(d.code.slug, d.location) for d in rubric.errors] == [
        ("unreadable-cell", at(2, "B")),
        ("unreadable-cell", at(2, "C")),
    ]


def test_an_unreadable_target_cell() -> None:
    rubric = read([["绩效指标", "计算符号", "指标值", *GRADES], [NAME, "≥", "9O", *TIERS]])
    assert rubric.entries == ()
    where = f"{FILE}, sheet {SHEET!r}, row 2, column C"
    assert found(rubric.errors) == [
        (
            "unreadable-cell",
            2,
            "C",
            NAME,
            f"cannot read threshold '≥9O' in {where}: unknown unit 'O' after a number at "
            "column 3 (add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
            "    ≥9O\n"
            "      ^",
        )
    ]


# ---------------------------------------------------- duplicates and units


def test_duplicate_names_in_one_activity() -> None:
    rubric = read([HEADER, ["政务联络", "", "", "", NAME, *TIERS], [*E, NAME, *TIERS]])
    assert len(rubric.entries) == 2
    first = f"{FILE}, sheet {SHEET!r}, row 2, column E"
    assert found(rubric.diagnostics) == [
        (
            "duplicate-name",
            3,
            "E",
            NAME,
            f"the indicator {NAME!r} appears again in the same activity (first at {first}); "
            "give each indicator its own name",
        ),
        ("header-row", 1, "", "", "a header row"),
    ]
    assert rubric.diagnostics[-1].severity is kpi.Severity.WARNING


def test_the_same_name_in_two_activities_is_no_duplicate() -> None:
    rubric = read(
        [HEADER, ["政务联络", "", "", "", NAME, *TIERS], ["应急管理", "", "", "", NAME, *TIERS]]
    )
    assert len(rubric.entries) == 2
    assert slugs(rubric) == [("header-row", 1)]


INCOMPATIBLE_CASES: list[tuple[list[str], str, str]] = [
    (
        ["≥95%", "≥90小时", "≥80%", "＜80%"],
        "C",
        "tier 良 '[90小时, +∞)' is in 小时 (time), which does not convert to % (ratio)",
    ),
    (
        ["＜48小时", "＜96小时", "＜192次", "≥192小时"],
        "D",
        "tier 中 '(-∞, 192次)' is in 次 (count), which does not convert to 小时 (time)",
    ),
]


@pytest.mark.parametrize(
    ("cells", "column", "why"), INCOMPATIBLE_CASES, ids=["% and hours", "hours and 次"]
)
def test_incompatible_units_between_tiers(cells: list[str], column: str, why: str) -> None:
    rubric = read([HEAD, ["指标", *cells]])
    assert rubric.entries == ()
    [diagnostic] = rubric.errors
    assert diagnostic.code is Code.INCOMPATIBLE_UNITS
    assert diagnostic.indicator == "指标"
    assert diagnostic.message == f"indicator '指标': {why}; write every tier in one unit"
    # the finding is about one tier: it points at that tier's cell
    assert diagnostic.location == at(2, column)


def test_a_unit_in_the_name_that_a_tier_contradicts() -> None:
    rubric = read([HEAD, ["故障时长（小时）", "＜48%", "＜96", "＜192", "≥192"]])
    assert rubric.entries == ()
    assert [(d.code.slug, d.message) for d in rubric.errors] == [
        (
            "incompatible-units",
            "indicator '故障时长（小时）': tier 优 '(-∞, 48%)' is in % (ratio), which does "
            "not convert to 小时 (time); write every tier in one unit",
        )
    ]


# ------------------------------------- every row accounted for: a property

WHY_NOT = {
    Code.HEADER_ROW,
    Code.BLANK_ROW,
    Code.CONTEXT_ROW,
    Code.BAD_ROW,
    Code.INCOMPATIBLE_UNITS,
}


def assert_accounted(tables: Sequence[SourceTable], rubric: Rubric) -> None:
    """Every row of every table is an indicator or a diagnostic saying why
    not, never both and never neither; a table that is not a rubric is one
    diagnostic and no indicator."""
    for table in tables:
        sheet = table.location.sheet
        entries = [e for e in rubric.entries if e.location.sheet == sheet]
        notes = [d for d in rubric.diagnostics if d.location.sheet == sheet]
        not_rubric = [d for d in notes if d.code is Code.NOT_A_RUBRIC]
        if not_rubric:
            assert len(not_rubric) == 1
            assert entries == []
            assert notes == not_rubric
            first = table.rows[0].location if table.rows else table.location
            assert not_rubric[0].location == first
            continue
        rows = [r.location.row for r in table.rows]
        entry_rows = [e.location.row for e in entries]
        assert len(entry_rows) == len(set(entry_rows)), "one indicator per row"
        why_not = {d.location.row for d in notes if d.code in WHY_NOT}
        unreadable = {d.location.row for d in notes if d.code is Code.UNREADABLE_CELL}
        assert not why_not & set(entry_rows), "a row that is an indicator is not also refused"
        for d in notes:
            if d.code is Code.UNREADABLE_CELL and d.location.row in entry_rows:
                assert d.message.startswith("the budget "), "an indicator with a bad tier"
        explained = why_not | (unreadable - set(entry_rows))
        assert set(entry_rows) | explained == set(rows), "a row is lost"
        assert len(rows) == len(entries) + len(explained)


VOCABULARY = sorted(
    {
        *(w for words in HEADER_WORDS.values() for w in words),
        *(g.name for scale in (kpi.Grade, kpi.QualificationGrade) for g in scale),
        "年度指标值(2024年)",
        "绩 效 指 标",
        "（优）",
    }
)
TIER_CELLS = [
    "≥90%",
    "＜60%",
    "80-89%",
    "60%以下",
    "90%以上",
    "≥3",
    "2",
    "0",
    "[3,5)",
    "＜0.1‰",
    "≥192",
    "100%",
    "圆满完成",
    "没完成",
    "—",
    "无",
    "9O%以上",
    "≥90小时",
    "60~",
]
CONTEXT_CELLS = ["政务服务与政务管理", "　　应急管理", "95.1", "九十五", "1,234", "%", "次", "≥"]
BLANKS = ["", " ", "\u3000", "\t", "\n"]


def cells() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(VOCABULARY),
        st.sampled_from(TIER_CELLS),
        st.sampled_from(CONTEXT_CELLS),
        st.sampled_from(BLANKS),
        st.text(max_size=12),
    )


def rows() -> st.SearchStrategy[list[str]]:
    return st.lists(cells(), max_size=7)


HEADER_TEMPLATES = [
    HEAD,
    HEADER,
    ["绩效指标", "评价标准", "", "", ""],
    ["", *GRADES],
    ["三级指标", "计算符号", "指标值", "度量单位"],
    ["指标名称", "优秀", "合格", "基本合格", "不合格"],
]


@st.composite
def tables(draw: st.DrawFn) -> list[list[str]]:
    body = draw(st.lists(rows(), max_size=8))
    headers = draw(st.lists(st.sampled_from(HEADER_TEMPLATES), max_size=2))
    where = draw(st.integers(0, len(body)))
    return body[:where] + headers + body[where:]


PROPERTY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.lists(tables(), min_size=1, max_size=3))
def test_no_row_is_lost_and_assemble_never_raises(drawn: list[list[list[str]]]) -> None:
    sources = [source_table(t, sheet=f"T{i}") for i, t in enumerate(drawn)]
    rubric = assemble(sources)
    assert_accounted(sources, rubric)
    for entry in rubric.entries:
        assert entry.name == entry.name.strip() != ""
        # one cell per grade, or none in a single-target table
        assert len(entry.cells) in (0, len(entry.indicator.scale))


@PROPERTY
@given(st.lists(st.lists(st.text(max_size=20), max_size=9), max_size=6))
def test_any_cell_text_under_a_rubric_header(body: list[list[str]]) -> None:
    source = source_table([HEADER, *body])
    assert_accounted([source], assemble([source]))
