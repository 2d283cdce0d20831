"""``kpi.lint``: what is wrong with a rubric, computed exactly from its intervals.

The findings expected of the seed (``../shared/seeds/000_26cbd3258962cffd.txt``)
were written by hand from its table and the rules of issue 3, one by one:

* a gap between two tiers is reported at the cell of the worse of the two
  (the tier that would close it), an overlap at the cell of the worse tier
  (the better one wins), an uncovered tail at the worst tier's cell, a rate
  above 100% at the tier that takes it, an indicator-wide finding (no
  thresholds, tiers out of order, mixed units) at the indicator's name;
* ``以上``/``以下`` include the number itself, so ``60-79%`` and ``60%以下``
  share 60% and ``80-89%`` / ``90%以上`` leave (89%, 90%) uncovered;
* ``＜1‰`` as the worst tier of a lower-is-better indicator leaves [1‰, +∞);
* point tiers ``≥3 | 2 | 1 | 0`` leave gaps between the whole numbers (for a
  count in 次 no whole number lies in them, and no count is negative);
* a 率/满意度 whose best tier is 100% should not let 良 take values above it.

Every message names the values concerned and proposes a fix; the whole text
of each is asserted once below.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import kpi
from kpi import strategies as ks
from kpi.demo import seed_path
from kpi.diagnostics import Code
from kpi.grades import ScaleGrade
from kpi.location import Location
from kpi.rubric import Entry

ROOT = Path(__file__).resolve().parents[1]
SEED = seed_path()  # the bundled copy of ../shared/seeds/000_26cbd3258962cffd.txt

优, 良, 中, 差 = kpi.Grade.优, kpi.Grade.良, kpi.Grade.中, kpi.Grade.差

# Findings about one tier point at its cell; the others at the name.
TIER_CODES = {
    Code.EMPTY_TIER,
    Code.GAP,
    Code.OVERLAP,
    Code.UNREACHABLE_TIER,
    Code.UNCOVERED_TAIL,
    Code.IDENTICAL_TIERS,
    Code.RATE_ABOVE_100,
}


@pytest.fixture(scope="module")
def seed() -> kpi.Rubric:
    if not SEED.is_file():
        pytest.skip(f"the seed {SEED} is not here (it lives in ../shared/seeds)")
    return kpi.read_rubric(SEED)


# ------------------------------------------------------------------ the seed

LIAISON = "组织对外联络（次）"
CHECKS = "检查信息公开履行职责（次）"
ERRORS = "内容、编校、设计、印刷差错率"
CHRONICLERS = "培训修志队伍"
MEDIATION = "案件调解率"
EXPERTS = "专家参与立法、提供服务情况"
LITIGATION = "应诉胜诉率"
REVIEW = "复议决定提起诉讼率"
CIVIL_DEFENCE = "工程验收合格率、质量监督覆盖率、警报音响覆盖率、通信手段完好率"

# (code, line, indicator) of every finding in the seed, by line of the table.
# The tiers of an indicator stand on the four lines after its name: 优 +1,
# 良 +2, 中 +3, 差 +4.
SEED_FINDINGS: list[tuple[str, int, str]] = [
    # 事项督查反馈率 ≥90% | ≥80% | ≥60% | ＜60%: cumulative, clean
    # 组织对外联络（次） ≥3 | 2 | 1 | 0: three gaps between whole numbers
    ("gap", 130, LIAISON),  # (2次, 3次), closed by 良
    ("gap", 131, LIAISON),  # (1次, 2次), closed by 中
    ("gap", 132, LIAISON),  # (0次, 1次), closed by 差
    # 对外联络服务满意度 100% | ≥95% | ...: 良 takes (100%, +∞)
    ("rate-above-100", 140, "对外联络服务满意度"),
    # 离退领导满意程度 100% | ≥95% | ...: a 满意程度 is a 满意度
    ("rate-above-100", 150, "离退领导满意程度"),
    # 督查督办落实任务完成率 ≥100% | ...: 优 takes above 100%, clean
    # 检查信息公开履行职责（次） ≥5 | [3,5) | [1,3) | 0: the gap (0次, 1次)
    ("gap", 172, CHECKS),
    # 政务信息公开培训任务完成率 100% | ≥95% | ...
    ("rate-above-100", 180, "政务信息公开培训任务完成率"),
    # 打私专项联合执法行动: labels, clean
    # 承办大型会议次数: four empty cells
    ("no-thresholds", 198, "承办大型会议次数"),
    # 应急事件处置情况, 系统全年累计故障时长（小时）, 会议保障率, 网络系统升级,
    # 视频会议系统断点: clean
    # 差错率 ＜0.1‰ | ＜0.2‰ | ＜0.5‰ | ＜1‰: [1‰, +∞) is in no tier
    ("uncovered-tail", 292, ERRORS),
    # 培训修志队伍 ≥3 | 2 | 1 | 0 without a unit: gaps, and (-∞, 0) below
    ("gap", 300, CHRONICLERS),
    ("gap", 301, CHRONICLERS),
    ("gap", 302, CHRONICLERS),
    ("uncovered-tail", 302, CHRONICLERS),
    # 县级志书编纂任务完成率 ≥100% | ...: clean
    ("rate-above-100", 330, "各项综合事务管理工作完成率"),
    ("rate-above-100", 340, "各项综合业务管理工作完成率"),
    # 90%以上 | 80-89% | 60-79% | 60%以下: gaps (89%, 90%) and (79%, 80%),
    # 60% in both 中 and 差
    ("gap", 360, MEDIATION),
    ("gap", 361, MEDIATION),
    ("overlap", 362, MEDIATION),
    ("gap", 370, EXPERTS),
    ("gap", 371, EXPERTS),
    ("overlap", 372, EXPERTS),
    ("gap", 380, LITIGATION),
    ("gap", 381, LITIGATION),
    ("overlap", 382, LITIGATION),
    # 复议决定提起诉讼率 0% | 1-2% | 3-4% | 5%以上, lower is better:
    # gaps (0%, 1%), (2%, 3%), (4%, 5%), each closed by the worse tier
    ("gap", 390, REVIEW),
    ("gap", 391, REVIEW),
    ("gap", 392, REVIEW),
    ("gap", 410, CIVIL_DEFENCE),
    ("gap", 411, CIVIL_DEFENCE),
    ("overlap", 412, CIVIL_DEFENCE),
    # 非法集资综合治理工作开展: labels, clean
]


def test_the_seed_findings(seed: kpi.Rubric) -> None:
    found = [(d.code.slug, d.location.row, d.indicator) for d in kpi.lint(seed)]
    # within one indicator the order is that of the checks; compare as sets
    assert sorted(found, key=lambda f: (f[1], f[0])) == sorted(
        SEED_FINDINGS, key=lambda f: (f[1], f[0])
    )


def test_the_seed_findings_come_by_indicator_in_table_order(seed: kpi.Rubric) -> None:
    names = [d.indicator for d in kpi.lint(seed)]
    firsts = list(dict.fromkeys(names))
    assert firsts == [n for n in seed.names if n in firsts]
    # the findings of one indicator stand together
    assert names == sorted(names, key=firsts.index)


def test_the_seed_findings_are_in_the_seed_file(seed: kpi.Rubric) -> None:
    for d in kpi.lint(seed):
        assert d.location.file == SEED.name
        assert str(d.location).startswith(f"{SEED.name}, line {d.location.row}, column ")


# A few whole messages of the seed, read against the table by hand.
SEED_MESSAGES: list[tuple[str, int, str]] = [
    (
        "gap",
        360,
        "values in (89%, 90%) are in no tier; gap policy 'worse' grades them 良, the worse of "
        "良 and 优; to close the gap write 良 as [80%, 90%)",
    ),
    (
        "gap",
        361,
        "values in (79%, 80%) are in no tier; gap policy 'worse' grades them 中, the worse of "
        "中 and 良; to close the gap write 中 as [60%, 80%)",
    ),
    (
        "overlap",
        362,
        "60% is in both 中 [60%, 79%] and 差 (-∞, 60%]; tiers are tried from best to worst, so "
        "中 wins; write 差 as (-∞, 60%) (for example with 不满 or (不含)) so that the rubric "
        "says so itself",
    ),
    (
        "uncovered-tail",
        292,
        "values in [1‰, +∞) are above every tier, and the worst tier 差 (-∞, 1‰) does not "
        "cover them; gap policy 'worse' grades them 差; to cover the rest of the range write "
        "差 as [0.5‰, +∞)",
    ),
    (
        "no-thresholds",
        198,
        "every tier is empty, so the indicator cannot be graded; fill in the thresholds of "
        "优/良/中/差 or remove the row",
    ),
    (
        "gap",
        130,
        "values in (2次, 3次) are in no tier; gap policy 'worse' grades them 良, the worse of "
        "良 and 优; no whole number lies in it, so it matters only if 组织对外联络（次） can "
        "take fractional values; to close the gap write 良 as [2次, 3次)",
    ),
    (
        "gap",
        390,
        "values in (0%, 1%) are in no tier; gap policy 'worse' grades them 良, the worse of "
        "优 and 良; to close the gap write 良 as (0%, 2%]",
    ),
    (
        "rate-above-100",
        140,
        "a rate cannot exceed 100%, but 良 [95%, +∞) takes values above 100%, so a value "
        "such as 100.5% (a typing slip) would be graded 良, worse than 100% itself (优); "
        "write 良 as [95%, 100%], 中 as [90%, 100%]",
    ),
]


@pytest.mark.parametrize(("code", "line", "message"), SEED_MESSAGES)
def test_whole_messages_of_the_seed(seed: kpi.Rubric, code: str, line: int, message: str) -> None:
    messages = [d.message for d in kpi.lint(seed) if (d.code.slug, d.location.row) == (code, line)]
    assert messages == [message]


def test_each_seed_finding_points_at_its_cell(seed: kpi.Rubric) -> None:
    for d in kpi.lint(seed):
        entry = seed.entry(d.indicator)
        assert len(entry.cells) == 4
        assert [c.row for c in entry.cells] == [entry.location.row + i for i in (1, 2, 3, 4)]
        if d.code in TIER_CODES:
            assert d.location in entry.cells, d
        else:
            assert d.location == entry.location, d


def test_the_seed_lint_has_no_reading_findings(seed: kpi.Rubric) -> None:
    # the seed's rows are all readable: lint leaves out the informational
    # diagnostics of reading (header, blank and context rows, other tables)
    assert [d for d in kpi.lint(seed) if d.code.code.startswith("K1")] == []
    assert all(d.severity is kpi.Severity.INFO for d in seed.diagnostics)


# ---------------------------------------------------------- one case per code

Expected = list[tuple[str, kpi.Grade | None, str]]

LINT_CASES: list[tuple[str, str, list[str | None], Expected]] = [
    (
        "K201 no thresholds",
        "承办大型会议次数",
        [None, None, None, None],
        [
            (
                "no-thresholds",
                None,
                "every tier is empty, so the indicator cannot be graded; fill in the "
                "thresholds of 优/良/中/差 or remove the row",
            )
        ],
    ),
    (
        "K202 empty tier",
        "会议保障率",
        ["≥95%", None, "[80%, 95%)", "＜80%"],
        [
            (
                "empty-tier",
                良,
                "tier 良 is empty: no value is graded 良 by the rubric's own words; write its "
                "threshold, or '—' if 良 is not awarded on purpose",
            )
        ],
    ),
    (
        "K202 empty worst tier, and the tail it leaves",
        "会议保障率",
        ["≥95%", "≥90%", "≥80%", None],
        [
            (
                "empty-tier",
                差,
                "tier 差 is empty: no value is graded 差 by the rubric's own words (the gap "
                "policy may still give 差 to values beyond every tier); write its threshold, "
                "or '—' if 差 is not awarded on purpose",
            ),
            (
                "uncovered-tail",
                差,
                "values in (-∞, 80%) are below every tier, and the worst tier 差 ∅ does not "
                "cover them; gap policy 'worse' grades them 差; to cover the rest of the range "
                "write 差 as (-∞, 80%)",
            ),
        ],
    ),
    (
        "K203 gap",
        "综合得分",
        ["≥90", "[80, 89]", "[60, 80)", "<60"],
        [
            (
                "gap",
                良,
                "values in (89, 90) are in no tier; gap policy 'worse' grades them 良, the worse "
                "of 良 and 优; to close the gap write 良 as [80, 90)",
            )
        ],
    ),
    (
        "K203 gap, lower is better",
        "故障次数",
        ["≤5", "(5, 10]", "[11, 20]", ">20"],
        [
            (
                "gap",
                中,
                "values in (10, 11) are in no tier; gap policy 'worse' grades them 中, the worse "
                "of 良 and 中; to close the gap write 中 as (10, 20]",
            )
        ],
    ),
    (
        "K204 overlap at one value",
        "综合得分",
        ["≥90", "[80, 90]", "[60, 80)", "<60"],
        [
            (
                "overlap",
                良,
                "90 is in both 优 [90, +∞) and 良 [80, 90]; tiers are tried from best to worst, "
                "so 优 wins; write 良 as [80, 90) (for example with 不满 or (不含)) so that the "
                "rubric says so itself",
            )
        ],
    ),
    (
        "K204 overlap of a range",
        "综合得分",
        ["≥90", "[85, 95)", "[60, 85)", "<60"],
        [
            (
                "overlap",
                良,
                "the values [90, 95) are in both 优 [90, +∞) and 良 [85, 95); tiers are tried "
                "from best to worst, so 优 wins; write 良 as [85, 90) (for example with 不满 or "
                "(不含)) so that the rubric says so itself",
            )
        ],
    ),
    (
        "K205 unreachable tier (优 and 良 swapped)",
        "会议保障率",
        ["≥80%", "≥90%", "≥60%", "＜60%"],
        [
            (
                "out-of-order",
                None,
                "the tiers do not run in one direction (优 [80%, +∞); 良 [90%, +∞); 中 [60%, +∞); "
                "差 (-∞, 60%)): neither higher-is-better nor lower-is-better; swap 优 and 良 (or "
                "correct one of them): 优 lies below 良, against the order of the other tiers",
            ),
            (
                "unreachable-tier",
                良,
                "no value can get 良: every value of 良 [90%, +∞) is in a better tier (优); give "
                "良 the values below (or above) the better tiers",
            ),
        ],
    ),
    (
        "K206 out of order",
        "会议保障率",
        ["[60%, 70%)", "≥90%", "[70%, 90%)", "＜60%"],
        [
            (
                "out-of-order",
                None,
                "the tiers do not run in one direction (优 [60%, 70%); 良 [90%, +∞); "
                "中 [70%, 90%); 差 (-∞, 60%)): neither higher-is-better nor lower-is-better; "
                "swap 优 and 良 (or correct one of them): 优 lies below 良, against the order of "
                "the other tiers",
            )
        ],
    ),
    (
        "K207 uncovered tail, lower is better",
        "差错率",
        ["＜0.1‰", "＜0.2‰", "＜0.5‰", "＜1‰"],
        [
            (
                "uncovered-tail",
                差,
                "values in [1‰, +∞) are above every tier, and the worst tier 差 (-∞, 1‰) does "
                "not cover them; gap policy 'worse' grades them 差; to cover the rest of the "
                "range write 差 as [0.5‰, +∞)",
            )
        ],
    ),
    (
        "K207 uncovered tail, higher is better",
        "综合得分",
        ["≥90", "[80, 90)", "[60, 80)", "[30, 60)"],
        [
            (
                "uncovered-tail",
                差,
                "values in (-∞, 30) are below every tier, and the worst tier 差 [30, 60) does "
                "not cover them; gap policy 'worse' grades them 差; to cover the rest of the "
                "range write 差 as (-∞, 60)",
            )
        ],
    ),
    (
        "K208 identical tiers",
        "会议保障率",
        ["≥90%", "≥90%", "≥60%", "＜60%"],
        [
            (
                "identical-tiers",
                良,
                "tiers 优 and 良 are the same ([90%, +∞)), so 良 can never be awarded; give 良 "
                "its own threshold",
            )
        ],
    ),
    (
        "K208 identical labels",
        "打私专项联合执法行动",
        ["圆满完成", "部分完成", "部分完成", "没完成"],
        [
            (
                "identical-tiers",
                中,
                "tiers 良 and 中 are the same (部分完成), so 中 can never be awarded; give 中 "
                "its own threshold",
            )
        ],
    ),
    (
        "K209 mixed units",
        "会议保障率",
        ["≥90%", "≥800‰", "≥60%", "＜60%"],
        [
            (
                "mixed-units",
                良,
                "the tiers are not all in %: 良 is written in ‰ ([800‰, +∞), which is "
                "[80%, +∞) in %); kpi compares them exactly, but write every tier in % to make "
                "the rubric easier to read",
            )
        ],
    ),
    (
        "K211 rate above 100%",
        "对外联络服务满意度",
        ["100%", "≥95%", "≥90%", "＜90%"],
        [
            (
                "rate-above-100",
                良,
                "a rate cannot exceed 100%, but 良 [95%, +∞) takes values above 100%, so a "
                "value such as 100.5% (a typing slip) would be graded 良, worse than 100% "
                "itself (优); write 良 as [95%, 100%], 中 as [90%, 100%]",
            )
        ],
    ),
]


def cell_of(grade: ScaleGrade) -> Location:
    """The place of *grade*'s cell in the entries built below."""
    return Location("rubric.xlsx", "Sheet1", 2, "BCDE"[grade.rank - 1])


NAME_CELL = Location("rubric.xlsx", "Sheet1", 2, "A")


def located(name: str, cells: list[str | None]) -> Entry:
    """An entry as read from a sheet: name in A2, tiers in B2:E2."""
    indicator = kpi.Indicator(name, cells)
    return Entry(indicator, location=NAME_CELL, cells=tuple(cell_of(g) for g in indicator.scale))


@pytest.mark.parametrize(
    ("case", "name", "cells", "expected"), LINT_CASES, ids=[c[0] for c in LINT_CASES]
)
def test_one_indicator_per_code(
    case: str, name: str, cells: list[str | None], expected: Expected
) -> None:
    findings = kpi.lint(kpi.Indicator(name, cells))
    assert [(d.code.slug, d.message) for d in findings] == [(c, m) for c, _, m in expected]
    for d in findings:
        assert d.indicator == name
        assert d.severity is d.code.severity


@pytest.mark.parametrize(
    ("case", "name", "cells", "expected"), LINT_CASES, ids=[c[0] for c in LINT_CASES]
)
def test_a_finding_about_a_tier_points_at_its_cell(
    case: str, name: str, cells: list[str | None], expected: Expected
) -> None:
    findings = kpi.lint(located(name, cells))
    assert [(d.code.slug, d.location) for d in findings] == [
        (c, NAME_CELL if g is None else cell_of(g)) for c, g, _ in expected
    ]


def test_every_content_code_has_a_case() -> None:
    codes = {c for _, _, _, expected in LINT_CASES for c, _, _ in expected}
    content = {c.slug for c in Code if c.code.startswith("K2")}
    # incompatible units stop an indicator from being built: they come from reading
    assert codes == content - {"incompatible-units"}


def test_lint_takes_an_indicator_an_entry_or_a_rubric() -> None:
    indicator = kpi.Indicator("综合得分", ["≥90", "[80, 89]", "[60, 80)", "<60"])
    by_indicator = kpi.lint(indicator)
    assert kpi.lint(Entry(indicator)) == by_indicator
    assert kpi.lint(kpi.Rubric([indicator])) == by_indicator
    assert [d.code for d in by_indicator] == [Code.GAP]


# --------------------------------------------- every fix proposed is a fix

_WRITE = re.compile(r"write (\S+) as (.+?)(?: \(for example .*)?$")

FIX_CASES = [c for c in LINT_CASES if _WRITE.search(c[3][-1][2].rsplit("; ", 1)[-1])]


@pytest.mark.parametrize(
    ("case", "name", "cells", "expected"), FIX_CASES, ids=[c[0] for c in FIX_CASES]
)
def test_writing_the_proposed_tier_removes_the_finding(
    case: str, name: str, cells: list[str | None], expected: Expected
) -> None:
    code, _, message = expected[-1]
    found = _WRITE.search(message.rsplit("; ", 1)[-1])
    assert found is not None
    fixed = list(cells)
    # "write 良 as [95%, 100%], 中 as [90%, 100%]" names one tier or several
    for part in f"{found.group(1)} as {found.group(2)}".split("], "):
        label, _, cell = part.partition(" as ")
        grade = kpi.Grade.from_label(label)
        fixed[grade.rank - 1] = cell if cell.endswith(("]", ")")) else cell + "]"
    assert code not in [d.code.slug for d in kpi.lint(kpi.Indicator(name, fixed))]


def test_every_gap_overlap_tail_and_rate_proposes_a_tier() -> None:
    proposing = {c[3][-1][0] for c in FIX_CASES}
    assert proposing >= {"gap", "overlap", "uncovered-tail", "rate-above-100"}


def test_writing_a_dash_in_an_empty_tier_removes_the_finding() -> None:
    # empty-tier says: "write its threshold, or '—' if 良 is not awarded on
    # purpose"; a cell that says '—' is that purpose written down
    findings = kpi.lint(kpi.Indicator("会议保障率", ["≥95%", "—", "[80%, 95%)", "＜80%"]))
    assert [d.code.slug for d in findings] == []


def test_tiers_out_of_order_names_the_tiers_to_swap() -> None:
    # 优 ≥80% and 良 ≥90% are swapped; the fix names them, not the rule
    [order] = [
        d
        for d in kpi.lint(kpi.Indicator("会议保障率", ["≥80%", "≥90%", "≥60%", "＜60%"]))
        if d.code is Code.OUT_OF_ORDER
    ]
    fix = order.message.rsplit("; ", 1)[-1]
    assert "优" in fix
    assert "良" in fix


def test_mixed_units_names_the_tier_written_in_another_unit() -> None:
    [mixed] = kpi.lint(kpi.Indicator("会议保障率", ["≥90%", "≥800‰", "≥60%", "＜60%"]))
    assert "良" in mixed.message
    assert "80%" in mixed.message  # 800‰ as it would be written in %


# ------------------------------------------------------------ clean rubrics

CLEAN_CASES: list[tuple[str, str, list[str | None]]] = [
    ("财预〔2020〕10号 bands", "综合得分", ["≥90", "[80,90)", "[60,80)", "<60"]),
    (
        "财预〔2020〕10号 with (含)",
        "综合得分",
        ["90(含)分以上", "80(含)-90分", "60(含)-80分", "不满60分"],
    ),
    ("cumulative", "事项督查反馈率", ["≥90%", "≥80%", "≥60%", "<60%"]),
    (
        "cumulative, lower is better",
        "系统全年累计故障时长（小时）",
        ["＜48", "＜96", "＜192", "≥192"],
    ),
    ("a rate whose best tier takes above 100%", "任务完成率", ["≥100%", "≥95%", "≥90%", "＜90%"]),
    ("a rate in bands up to 100%", "满意度", ["100%", "[95%, 100%)", "[90%, 95%)", "<90%"]),
    ("labels", "打私专项联合执法行动", ["圆满完成", "较好完成", "部分完成", "没完成"]),
    ("a count in 次", "检查次数（次）", ["≥5", "[3,5)", "[1,3)", "[0,1)"]),
]


@pytest.mark.parametrize(("case", "name", "cells"), CLEAN_CASES, ids=[c[0] for c in CLEAN_CASES])
def test_clean_indicators_give_no_findings(case: str, name: str, cells: list[str | None]) -> None:
    assert kpi.lint(kpi.Indicator(name, cells)) == []


# ---------------------------------------------------- a rubric read from a file

HEADER = ["绩效指标", "优", "良", "中", "差"]

# (name, cells, the findings as (code, grade or None)); in the text file each
# row takes six lines: the name, four tiers and a blank line.
FILE_ROWS: list[tuple[str, list[str], list[tuple[str, kpi.Grade | None]]]] = [
    ("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"], []),
    ("承办大型会议次数", ["", "", "", ""], [("no-thresholds", None)]),
    ("会议保障率", ["≥95%", "", "[80%, 95%)", "＜80%"], [("empty-tier", 良)]),
    (
        "案件调解率",
        ["90%以上", "80-89%", "60-79%", "60%以下"],
        [("overlap", 差), ("gap", 中), ("gap", 良)],
    ),
    ("差错率", ["＜0.1‰", "＜0.2‰", "＜0.5‰", "＜1‰"], [("uncovered-tail", 差)]),
    ("网络系统升级", ["≥90%", "≥90%", "≥60%", "＜60%"], [("identical-tiers", 良)]),
    ("满意度", ["100%", "≥95%", "≥90%", "＜90%"], [("rate-above-100", 良)]),
    ("通报率", ["≥90%", "≥800‰", "≥60%", "＜60%"], [("mixed-units", 良)]),
    (
        "督办率",
        ["≥80%", "≥90%", "≥60%", "＜60%"],
        [("out-of-order", None), ("unreachable-tier", 良)],
    ),
]


def text_rubric(rows: list[list[str]]) -> str:
    """A rubric laid out like the seed: a cell per tab line, a blank line
    after each row."""
    return "".join("".join(f"\t{cell}\n" for cell in row) + "\n" for row in rows)


def test_findings_point_at_the_cells_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "rubric.txt"
    path.write_text(
        text_rubric([HEADER, *([name, *cells] for name, cells, _ in FILE_ROWS)]),
        encoding="utf-8",
    )
    rubric = kpi.read_rubric(path)
    expected = []
    for k, (name, _, findings) in enumerate(FILE_ROWS, start=1):
        line = 1 + 6 * k  # the name's line, in column 1; 优 is in column 2 on the next line
        for code, grade in findings:
            where = (line, "1") if grade is None else (line + grade.rank, str(1 + grade.rank))
            expected.append((code, *where, name))
    found = [
        (d.code.slug, d.location.row, d.location.column, d.indicator) for d in kpi.lint(rubric)
    ]
    assert sorted(found, key=by_line) == sorted(expected, key=by_line)
    assert {d.location.file for d in kpi.lint(rubric)} == {"rubric.txt"}


def by_line(finding: tuple[str, int | None, str, str]) -> tuple[int, str]:
    return (finding[1] or 0, finding[0])


def test_lint_of_a_rubric_puts_reading_errors_first(tmp_path: Path) -> None:
    rows = [
        HEADER,
        ["案件调解率", "90%以上", "80-89%", "60-79%", "60%以下"],
        ["会议保障率", "≥95%", "9O%以上", "≥80%", "＜80%"],
        ["网络系统升级", "≥95%", "≥90小时", "≥80%", "＜80%"],
    ]
    path = tmp_path / "rubric.txt"
    path.write_text(text_rubric(rows), encoding="utf-8")
    found = [(d.code.slug, d.location.row, d.indicator) for d in kpi.lint(kpi.read_rubric(path))]
    # the bad cells first (where incompatible units point is tested in test_assemble)
    assert [(code, name) for code, _, name in found[:2]] == [
        ("unreadable-cell", "会议保障率"),
        ("incompatible-units", "网络系统升级"),
    ]
    assert found[0][1] == 15  # 会议保障率's 良 cell
    assert sorted(found[2:]) == [
        ("gap", 9, "案件调解率"),
        ("gap", 10, "案件调解率"),
        ("overlap", 11, "案件调解率"),
    ]


# ------------------------------------------------------------------ property

SOME = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SOME
@given(ks.indicators())
def test_lint_never_raises(indicator: kpi.Indicator) -> None:
    for d in kpi.lint(indicator):
        assert d.code.code.startswith("K2")
        assert d.indicator == indicator.name
        assert d.message


@SOME
@given(ks.indicators(unit="%"))
def test_findings_about_tiers_point_at_cells(indicator: kpi.Indicator) -> None:
    cells = tuple(cell_of(g) for g in indicator.scale)
    entry = Entry(indicator, location=NAME_CELL, cells=cells)
    for d in kpi.lint(entry):
        if d.code in TIER_CODES:
            assert d.location in cells
        else:
            assert d.location == NAME_CELL


@SOME
@given(ks.indicators(direction=kpi.Direction.HIGHER_IS_BETTER, empty_tiers=False))
def test_monotone_indicators_are_never_out_of_order(indicator: kpi.Indicator) -> None:
    assert Code.OUT_OF_ORDER not in [d.code for d in kpi.lint(indicator)]
