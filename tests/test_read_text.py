"""Text rubrics laid out like the seed, and ``kpi.read_rubric`` on them.

The seed (``../shared/seeds/000_26cbd3258962cffd.txt``) is a Word file
converted to text: a cell is a line that starts with a tab, the cells of a
row stand on consecutive lines, a blank line ends a row and any other line
ends the table. Its 部门职责-工作活动绩效目标 table (lines 82-433) holds 25
indicators under 8 duties; the expected context of each below was copied by
hand from the seed's lines.
"""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

import kpi
from kpi.demo import seed_path
from kpi.location import Location
from kpi.readers.text import read_text_tables
from kpi.source import SourceTable

ROOT = Path(__file__).resolve().parents[1]
SEED = seed_path()  # the bundled copy of ../shared/seeds/000_26cbd3258962cffd.txt

FORMATS = "text, docx, xlsx, csv, tsv, toml, json"
NO_RUBRIC = (
    "no table in it has a header that names an indicator column and tier columns "
    "(优/良/中/差) or a target column (指标值)"
)


@pytest.fixture(scope="module")
def seed_bytes() -> bytes:
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED} is not here (it lives in ../shared/seeds)")
    return SEED.read_bytes()


@pytest.fixture(scope="module")
def seed() -> kpi.Rubric:
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED} is not here (it lives in ../shared/seeds)")
    return kpi.read_rubric(SEED)


# ------------------------------------------------------------- the text reader

Rows = list[tuple[int, tuple[str, ...]]]

TEXT_CASES: list[tuple[str, str, list[Rows]]] = [
    ("one row", "\ta\n\tb\n", [[(1, ("a", "b"))]]),
    ("two rows", "\ta\n\tb\n\n\tc\n\td\n", [[(1, ("a", "b")), (4, ("c", "d"))]]),
    ("several blank lines", "\ta\n\n\n\n\tb\n", [[(1, ("a",)), (5, ("b",))]]),
    ("blank lines first", "\n\n\ta\n", [[(3, ("a",))]]),
    ("white space is a blank line", "\ta\n  \n\u3000\n\tb\n", [[(1, ("a",)), (4, ("b",))]]),
    ("a tab alone is an empty cell", "\t\n\tx\n\t\n", [[(1, ("", "x", ""))]]),
    (
        "only the first tab is dropped",
        "\t\t\t单位名称\n\t单位性质\n",
        [[(1, ("\t\t单位名称", "单位性质"))]],
    ),
    ("the text is kept as found", "\t　　政务公开 \n\t95.1\n", [[(1, ("　　政务公开 ", "95.1"))]]),
    ("a text line ends the table", "\ta\n说明\n\tb\n", [[(1, ("a",))], [(3, ("b",))]]),
    ("a text line ends the row too", "\ta\n\tb\n说明\n\tc\n", [[(1, ("a", "b"))], [(4, ("c",))]]),
    ("spaces before a tab make no cell", "\ta\n    \tb\n\tc\n", [[(1, ("a",))], [(3, ("c",))]]),
    ("CRLF line ends", "\ta\r\n\tb\r\n\r\n\tc\r\n", [[(1, ("a", "b")), (4, ("c",))]]),
    ("no table", "一、部门职责\n（一）部门职责\n", []),
    ("nothing", "", []),
]


def rows_of(tables: list[SourceTable]) -> list[Rows]:
    return [[(r.location.row or 0, r.texts) for r in t.rows] for t in tables]


@pytest.mark.parametrize(("how", "text", "expected"), TEXT_CASES, ids=[c[0] for c in TEXT_CASES])
def test_cells_rows_and_tables(how: str, text: str, expected: list[Rows]) -> None:
    assert rows_of(read_text_tables(text, file="t.txt")) == expected


def test_each_cell_is_located_at_its_line() -> None:
    [table] = read_text_tables("标题\n\ta\n\tb\n\n\tc\n", file="t.txt")
    assert table.location == Location("t.txt")
    assert table.caption == "标题"
    first, second = table.rows
    assert [c.location for c in first.cells] == [
        Location("t.txt", row=2, column="1"),
        Location("t.txt", row=3, column="2"),
    ]
    assert first.location == Location("t.txt", row=2)
    assert second.cells[0].location == Location("t.txt", row=5, column="1")


LOCATION_CASES: list[tuple[Location, str]] = [
    (Location("t.txt", row=118, column="5", row_word="line"), "t.txt, line 118, column 5"),
    (Location("t.txt", row=84, row_word="line"), "t.txt, line 84"),
    (Location(row=3, row_word="line"), "line 3"),
    (Location("r.xlsx", "绩效目标", 3, "E"), "r.xlsx, sheet '绩效目标', row 3, column E"),
    (Location("r.docx", "table 2", 4), "r.docx, table 2, row 4"),
    (Location("r.csv"), "r.csv"),
    (Location(), "<unknown place>"),
]


@pytest.mark.parametrize(("location", "text"), LOCATION_CASES, ids=[c[1] for c in LOCATION_CASES])
def test_location_wording(location: Location, text: str) -> None:
    assert str(location) == text


def test_text_cells_say_line() -> None:
    [table] = read_text_tables("\n\ta\n\tb\n", file="t.txt")
    assert [str(c.location) for c in table.rows[0].cells] == [
        "t.txt, line 2, column 1",
        "t.txt, line 3, column 2",
    ]
    assert str(table.rows[0].location) == "t.txt, line 2"
    # the row word is how it is said, not where it is
    assert table.rows[0].location == Location("t.txt", row=2, row_word="row")


def test_the_tables_of_the_seed(seed_bytes: bytes) -> None:
    tables = read_text_tables(seed_bytes.decode("utf-8"), file=SEED.name)
    assert [(t.rows[0].location.row, t.rows[-1].location.row, len(t.rows)) for t in tables] == [
        (18, 33, 4),  # 部门机构设置情况
        (84, 424, 36),  # 部门职责-工作活动绩效目标
        (441, 470, 9),  # 固定资产占用情况表
    ]
    assert tables[1].caption == "[bookmark: _Toc480375664]部门职责-工作活动绩效目标"
    assert {len(r.cells) for r in tables[1].rows[2:]} == {9}


# ------------------------------------------------------------------ the seed

DUTY1 = "政务服务与政务管理"


def context(
    duty: str, activity: str, budget: Decimal | None, description: str, goal: str
) -> dict[str, object]:
    """The context of an entry, as the attributes of Entry name it."""
    return {
        "duty": duty,
        "activity": activity,
        "budget": budget,
        "description": description,
        "goal": goal,
    }


GOV = context(
    duty=DUTY1,
    activity="政务公开、会议管理、督查督办、打私事务、政务联络。",
    budget=Decimal("95.1"),
    description="不断提高信息公开工作业务水平；协助县领导组织会议决定事项的落实；督办重大决策落实；"
    "协调组织打私事务，增大打私力度；做好县际间政务往来与经济交流工作，负责县级领导公务活动的"
    "接待安排。",
    goal="提升政务公开服务水平。承办大型会议，有效推动全县经济发展，保障重大决策落实，积极贯彻"
    "工作布署，创新工作机制，提升服务水平。围绕我县中心工作，有效促进对外经贸协作和外地高科技"
    "项目合作。",
)
EMERGENCY = context(
    duty="应急管理",
    activity="应急管理",
    budget=None,
    description="县政府值班工作，及时报告重要情况，传达和落实县领导重要指示，协助县领导完成组织处理"
    "突发事件应急处置工作。",
    goal="建设运行维护平台数据，为有效保障全县突发事件提供技术保障，确保快速、有效处置突发事件，"
    "提高事件应对实效。",
)
EGOV = context(
    duty="政府电子政务",
    activity="政府电子政务管理与服务",
    budget=None,
    description="政务信息工作和机关电子政务工作",
    goal="确保各类会议顺利进行，保障政府网络安全运行，严格保障服务流程和视频会议管理制度，切实提高"
    "技术保障能力和服务水平。",
)
CHRONICLE = context(
    duty="地方志事务管理",
    activity="地方志事务管理",
    budget=None,
    description="拟订全县地方志工作规划并实施；组织整理旧书，搜集、保存、管理地方文献和资料；组织推动"
    "地方志理论研究和学术交流；承办县政府和上级业务部门交办的其他工作。",
    goal="传承优秀文化传统，充分发挥志书“资政、存史、教化”的综合功能，为社会各界方便快捷提供XX县情，"
    "为县域经济社会建设服务，为地方志工作者提供资料和工具。",
)
AFFAIRS = context(
    duty="综合业务、事务管理",
    activity="综合业务、事务管理",
    budget=None,
    description="协助县政府领导组织起草或审核以县政府、县政府办公室名义发布的公文；办理县政府各部门和"
    "乡镇报送的文电；对县政府部门间出现的争议问题提出处理意见；组织起草县政府领导重要讲话及其他"
    "重要文稿；组织专题调研；承办县政府领导交办的其他事项。",
    goal="采取保障县政府领导和机关工作办公环境的措施，提升了服务管理水平，保障了县领导和机关工作的"
    "正常运转。",
)
LEGAL_TEXT = (
    "组织加强对行政执法人员培训及证件管理、执法行为监督检查，办理行政复议案件，依法受理行政复议"
    "申请；受县政府委托，作好行政应诉工作，建立健全政府法律顾问制度。做好依法行政考核工作，全面"
    "推进依法行政。"
)
LEGAL = context(
    duty="法制办事务管理",
    activity="法制办事务管理",
    budget=None,
    description=LEGAL_TEXT,
    goal=LEGAL_TEXT,
)
CIVIL_DEFENCE = context(
    duty="人防办事务管理",
    activity="人防事务管理",
    budget=None,
    description="规划、指导、管理全县人防工程建设，组织实施防空训练演练和人防专业队整租训练，依法审批"
    "防空地下室修建，负责人防信息化建设、运行及维护管理。",
    goal="工程总量不断增加。质量不断提高。结构、设备完好。确保设施设备正常运转，信息畅通，软硬件"
    "更新及时。",
)
FINANCE = context(
    duty="金融生态环境建设",
    activity="防范和化解地方金融风险",
    budget=None,
    description="积极利用科技手段进行风险提示和监测预警，启动涉嫌非法集资监测预警信息系统，加强社会"
    "信用体系建设，严厉打击逃废金融债务行为。",
    goal="突出宣传教育、风险排查两条主线，建立健全监测预警体系，探索地方立法建设长效机制，实现监管"
    "关口源头前移、立体发展，治理非法集资工作进一步法治化、规范化、常态化、科学化。",
)

# (line of the name, name, context) of the 25 indicators, in order.
SEED_INDICATORS: list[tuple[int, str, dict[str, object]]] = [
    (118, "事项督查反馈率", GOV),
    (128, "组织对外联络（次）", GOV),
    (138, "对外联络服务满意度", GOV),
    (148, "离退领导满意程度", GOV),
    (158, "督查督办落实任务完成率", GOV),
    (168, "检查信息公开履行职责（次）", GOV),
    (178, "政务信息公开培训任务完成率", GOV),
    (188, "打私专项联合执法行动", GOV),
    (198, "承办大型会议次数", GOV),
    (218, "应急事件处置情况", EMERGENCY),
    (228, "系统全年累计故障时长（小时）", EMERGENCY),
    (248, "会议保障率", EGOV),
    (258, "网络系统升级", EGOV),
    (268, "视频会议系统断点", EGOV),
    (288, "内容、编校、设计、印刷差错率", CHRONICLE),
    (298, "培训修志队伍", CHRONICLE),
    (308, "县级志书编纂任务完成率", CHRONICLE),
    (328, "各项综合事务管理工作完成率", AFFAIRS),
    (338, "各项综合业务管理工作完成率", AFFAIRS),
    (358, "案件调解率", LEGAL),
    (368, "专家参与立法、提供服务情况", LEGAL),
    (378, "应诉胜诉率", LEGAL),
    (388, "复议决定提起诉讼率", LEGAL),
    (408, "工程验收合格率、质量监督覆盖率、警报音响覆盖率、通信手段完好率", CIVIL_DEFENCE),
    (428, "非法集资综合治理工作开展", FINANCE),
]


def test_the_seed_has_25_indicators_in_order(seed: kpi.Rubric) -> None:
    assert len(seed) == 25
    assert list(seed.names) == [name for _, name, _ in SEED_INDICATORS]
    assert seed.source == SEED.name
    assert seed.encoding == "utf-8"


@pytest.mark.parametrize(
    ("line", "name", "context"), SEED_INDICATORS, ids=[c[1] for c in SEED_INDICATORS]
)
def test_each_seed_indicator_and_its_context(
    seed: kpi.Rubric, line: int, name: str, context: dict[str, object]
) -> None:
    entry = seed.entry(name)
    assert {k: getattr(entry, k) for k in context} == context
    assert entry.target is None
    assert entry.location == Location(SEED.name, row=line, column="5")
    assert str(entry.location) == f"{SEED.name}, line {line}, column 5"
    assert entry.cells == tuple(
        Location(SEED.name, row=line + i, column=str(5 + i)) for i in (1, 2, 3, 4)
    )


def test_the_first_seed_indicator(seed: kpi.Rubric) -> None:
    entry = seed.entries[0]
    assert entry.name == "事项督查反馈率"
    assert entry.duty == "政务服务与政务管理"
    assert entry.activity == "政务公开、会议管理、督查督办、打私事务、政务联络。"
    assert entry.budget == Decimal("95.1")
    assert entry.indicator == kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"])


# Every row of the seed's table that is not an indicator, and the two other
# tables: (code, line, message).
SEED_DIAGNOSTICS: list[tuple[str, int, str]] = [
    (
        "not-a-rubric",
        18,
        "a table (lines 18-36) that is not a rubric: no header row names its columns",
    ),
    ("context-row", 84, "a caption above the header: 434无极县政府 / 单位：万元"),
    ("header-row", 87, "a header row"),
    ("header-row", 94, "a header row"),
    (
        "context-row",
        104,
        "a context row with no indicator: 政务服务与政务管理 / 95.1 / 政务公开、县政府大型会议"
        "管理、政务督查督办、打击走私事务、政务联络工作。 / 突出政务、加强事务管理，力求重点工作出"
        "精品。难点工作求突破、基础工作有创新、常规工作见特色。以机关干部工作作风为依据，增强工作综合"
        "服务实力。",
    ),
    (
        "context-row",
        204,
        "a context row with no indicator: 应急管理 / 负责县政府值班工作，及时报告重大情况，协助县"
        "领导组织处理突发事件。 / 保障应急平台安全运行，有效保证应急突发事件应对处置，完善应急"
        "体系，有效组织应急演练，进一步提升应急工作水平。",
    ),
    (
        "context-row",
        234,
        "a context row with no indicator: 政府电子政务 / 政务信息工作和机关电子政务工作 / 确保各类"
        "会议顺利进行，保障政府网络系统安全运行，严格保障服务流程和视频会议管理制度，切实提高技术保障"
        "能力和服务水平。",
    ),
    (
        "context-row",
        274,
        "a context row with no indicator: 地方志事务管理 / 全县地方志事务管理 / 弘扬传统文化，充分"
        "发挥志书“资政、存史、教化”的综合功能，为社会各界提供方便快捷提供XX县情。",
    ),
    ("context-row", 314, "a context row with no indicator: 综合业务、事务管理 / "),
    ("context-row", 344, "a context row with no indicator: 法制办事务管理 / "),
    ("context-row", 394, "a context row with no indicator: 人防办事务管理 / "),
    ("context-row", 414, "a context row with no indicator: 金融生态环境建设 / "),
    (
        "not-a-rubric",
        441,
        "a table (lines 441-472) that is not a rubric: no header row names its columns",
    ),
]


def test_every_seed_row_that_is_no_indicator_has_a_diagnostic(seed: kpi.Rubric) -> None:
    assert [(d.code.slug, d.location.row) for d in seed.diagnostics] == [
        (code, line) for code, line, _ in SEED_DIAGNOSTICS
    ]
    for d in seed.diagnostics:
        assert d.severity is kpi.Severity.INFO
        assert d.location.file == SEED.name
        assert d.indicator == ""


@pytest.mark.parametrize(
    ("code", "line", "message"), SEED_DIAGNOSTICS, ids=[f"{c[0]}-{c[1]}" for c in SEED_DIAGNOSTICS]
)
def test_seed_diagnostic_messages(seed: kpi.Rubric, code: str, line: int, message: str) -> None:
    [d] = [d for d in seed.diagnostics if d.location.row == line]
    assert d.code.slug == code
    if message.endswith(" / "):  # the long description and goal are left out here
        assert d.message.startswith(message)
    else:
        assert d.message == message


def test_every_row_of_the_seed_table_is_accounted_for(seed: kpi.Rubric, seed_bytes: bytes) -> None:
    [_, table, _] = read_text_tables(seed_bytes.decode("utf-8"), file=SEED.name)
    # each row of the table: the lines of its cells
    rows = [{c.location.row for c in r.cells} for r in table.rows]
    named = [e.location.row for e in seed.entries]
    noted = [d.location.row for d in seed.diagnostics if 84 <= (d.location.row or 0) <= 433]
    explained = [[line for line in named + noted if line in row] for row in rows]
    assert [len(lines) for lines in explained] == [1] * len(rows)
    assert len(rows) == len(seed.entries) + len(noted) == 36


def test_the_other_tables_of_the_seed_are_not_rubrics(seed: kpi.Rubric) -> None:
    refused = [d for d in seed.diagnostics if d.code is kpi.Code.NOT_A_RUBRIC]
    assert [str(d.location) for d in refused] == [
        f"{SEED.name}, line 18",
        f"{SEED.name}, line 441",
    ]


# ------------------------------------------------------------------ formats


@pytest.mark.parametrize("suffix", [".txt", ".text", ".TXT", ".Txt"])
def test_the_format_from_the_suffix(tmp_path: Path, seed_bytes: bytes, suffix: str) -> None:
    path = tmp_path / f"rubric{suffix}"
    path.write_bytes(seed_bytes)
    rubric = kpi.read_rubric(path)
    assert len(rubric) == 25
    assert rubric.source == path.name


@pytest.mark.parametrize("name", ["rubric.dat", "rubric", "rubric.csv"])
def test_format_text_whatever_the_name(tmp_path: Path, seed_bytes: bytes, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(seed_bytes)
    assert kpi.read_rubric(path, format="text") == kpi.read_rubric(SEED)


def test_a_path_as_str(seed: kpi.Rubric) -> None:
    assert kpi.read_rubric(str(SEED)) == seed


def test_a_binary_file_object(seed: kpi.Rubric) -> None:
    with SEED.open("rb") as f:
        rubric = kpi.read_rubric(f)
    assert rubric == seed
    assert rubric.source == SEED.name
    assert rubric.entries[0].location == Location(SEED.name, row=118, column="5")


def test_a_file_object_without_a_name(seed: kpi.Rubric, seed_bytes: bytes) -> None:
    rubric = kpi.read_rubric(io.BytesIO(seed_bytes), format="text")
    assert rubric == seed
    assert str(rubric.entries[0].location) == "line 118, column 5"


ENCODING_CASES: list[tuple[str, str]] = [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-sig"),
    ("gb18030", "gb18030"),
]


@pytest.mark.parametrize(("codec", "reported"), ENCODING_CASES)
def test_encodings(
    tmp_path: Path, seed: kpi.Rubric, seed_bytes: bytes, codec: str, reported: str
) -> None:
    path = tmp_path / "rubric.txt"
    path.write_bytes(seed_bytes.decode("utf-8").encode(codec))
    rubric = kpi.read_rubric(path)
    assert rubric == seed
    assert rubric.encoding == reported
    assert [d.location.row for d in rubric.diagnostics] == [
        d.location.row for d in seed.diagnostics
    ]


# ------------------------------------------------------------------ errors

RUBRIC = "\t绩效指标\n\t优\n\t良\n\t中\n\t差\n\n\t会议保障率\n\t≥95%\n\t≥90%\n\t≥80%\n\t＜80%\n"


def test_a_small_text_rubric(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RUBRIC, encoding="utf-8")
    rubric = kpi.read_rubric(path)
    assert list(rubric) == [kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "＜80%"])]
    assert [str(d) for d in rubric.diagnostics] == [
        "r.txt, line 1: K101 header-row [info] a header row"
    ]


ERROR_CASES: list[tuple[str, str, bytes, dict[str, str], str]] = [
    (
        "unknown suffix",
        "rubric.pdf",
        RUBRIC.encode(),
        {},
        f"cannot tell the format of 'rubric.pdf' from its name; pass format= one of {FORMATS}",
    ),
    (
        "no suffix",
        "rubric",
        RUBRIC.encode(),
        {},
        f"cannot tell the format of 'rubric' from its name; pass format= one of {FORMATS}",
    ),
    (
        "unknown format",
        "rubric.txt",
        RUBRIC.encode(),
        {"format": "pdf"},
        f"unknown rubric format 'pdf'; expected one of {FORMATS}",
    ),
    (
        "format given as a suffix",
        "rubric.txt",
        RUBRIC.encode(),
        {"format": ".txt"},
        f"unknown rubric format '.txt'; expected one of {FORMATS}",
    ),
    (
        "no rubric table",
        "report.txt",
        "一、部门职责\n\t单位名称\n\t单位性质\n\n\t政府办\n\t行政\n".encode(),
        {},
        f"cannot read rubric 'report.txt': {NO_RUBRIC}",
    ),
    (
        "no table at all",
        "report.txt",
        "一、部门职责\n".encode(),
        {},
        f"cannot read rubric 'report.txt': {NO_RUBRIC}",
    ),
    ("an empty file", "empty.txt", b"", {}, f"cannot read rubric 'empty.txt': {NO_RUBRIC}"),
    (
        "undecodable bytes",
        "bad.txt",
        b"\t\xff\xfe\n",
        {},
        "cannot read rubric 'bad.txt': expected text in utf-8 or gb18030, found the byte "
        "b'\\xff' at offset 1 that none of them allows; save the file as UTF-8",
    ),
    (
        "a byte order mark and then not UTF-8",
        "bad.txt",
        b"\xef\xbb\xbf\t\xff\n",
        {},
        # the offset is that of the byte in the file, after the 3 bytes of the mark
        "cannot read rubric 'bad.txt': expected text in utf-8-sig, found the byte b'\\xff' at "
        "offset 4 that it does not allow; save the file as UTF-8",
    ),
    (
        "a UTF-8 file with one bad byte",
        "bad.txt",
        "\t会议保障率\n".encode() + b"\xff\n",
        {},
        "cannot read rubric 'bad.txt': expected text in utf-8, found the byte b'\\xff' at "
        "offset 17 that it does not allow; save the file as UTF-8",
    ),
]


@pytest.mark.parametrize(
    ("how", "name", "data", "options", "message"), ERROR_CASES, ids=[c[0] for c in ERROR_CASES]
)
def test_errors(
    tmp_path: Path, how: str, name: str, data: bytes, options: dict[str, str], message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(kpi.RubricReadError) as raised:
        kpi.read_rubric(path, **options)
    assert str(raised.value) == message


def test_a_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "missing.txt"
    with pytest.raises(kpi.RubricReadError) as raised:
        kpi.read_rubric(path)
    assert str(raised.value) == f"cannot read rubric {str(path)!r}: No such file or directory"
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__


def test_a_directory(tmp_path: Path) -> None:
    path = tmp_path / "rubrics.txt"
    path.mkdir()
    with pytest.raises(kpi.RubricReadError) as raised:
        kpi.read_rubric(path)
    assert str(raised.value) == f"cannot read rubric {str(path)!r}: Is a directory"


def test_a_text_mode_file(tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(RUBRIC, encoding="utf-8")
    with path.open(encoding="utf-8") as f, pytest.raises(kpi.RubricReadError) as raised:
        kpi.read_rubric(f)
    assert str(raised.value) == (
        "cannot read rubric 'r.txt': expected a file opened in binary mode ('rb')"
    )


NAMELESS_CASES: list[tuple[str, io.IOBase, dict[str, str]]] = [
    ("no format", io.BytesIO(RUBRIC.encode()), {}),
    ("text mode", io.StringIO(RUBRIC), {"format": "text"}),
    ("no rubric in it", io.BytesIO(b"hello\n"), {"format": "text"}),
]


@pytest.mark.parametrize(
    ("how", "source", "options"), NAMELESS_CASES, ids=[c[0] for c in NAMELESS_CASES]
)
def test_errors_about_a_file_object_without_a_name(
    how: str, source: io.IOBase, options: dict[str, str]
) -> None:
    # a file object without a name is not a file named '' or 'the file'
    with pytest.raises(kpi.RubricReadError) as raised:
        kpi.read_rubric(source, **options)
    message = str(raised.value)
    assert "''" not in message
    assert "'the file'" not in message
    assert "'from the file object'" not in message


def test_errors_are_kpi_errors_and_value_errors(tmp_path: Path) -> None:
    path = tmp_path / "x.pdf"
    path.write_bytes(b"")
    with pytest.raises(ValueError, match="cannot tell the format"):
        kpi.read_rubric(path)
    assert issubclass(kpi.RubricReadError, kpi.KpiError)
