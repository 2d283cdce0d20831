"""Unit tests of kpi.Indicator (construction, unit resolution, direction, value semantics) and of
the grade scales (kpi.Grade, kpi.CompetenceGrade, kpi.QualificationGrade, kpi.make_scale)."""

from __future__ import annotations

import copy
import itertools
import pickle
from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import pytest

import kpi
from kpi import CompetenceGrade, Direction, Grade, Indicator, QualificationGrade, ScaleGrade

FEEDBACK = "事项督查反馈率"
FEEDBACK_CELLS = ["≥90%", "≥80%", "≥60%", "＜60%"]
FEEDBACK_TEXT = "[90%, +∞) | [80%, +∞) | [60%, +∞) | (-∞, 60%)"


def cells(indicator: Indicator) -> list[str]:
    """The canonical text of each tier, best first."""
    return [str(t) for t in indicator.tiers.values()]


# ---------------------------------------------------------------- construction

CONSTRUCTION_CASES = [
    pytest.param(
        {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"}, id="mapping-of-str-keys"
    ),
    pytest.param(
        {Grade.优: "≥90%", Grade.良: "≥80%", Grade.中: "≥60%", Grade.差: "＜60%"},
        id="mapping-of-grade-keys",
    ),
    pytest.param(
        {"差": "＜60%", "中": "≥60%", "良": "≥80%", "优": "≥90%"}, id="mapping-in-any-order"
    ),
    pytest.param(
        {"EXCELLENT": "≥90%", "GOOD": "≥80%", "FAIR": "≥60%", "POOR": "＜60%"},
        id="mapping-of-english-aliases",
    ),
    pytest.param(FEEDBACK_CELLS, id="list-best-first"),
    pytest.param(tuple(FEEDBACK_CELLS), id="tuple-best-first"),
    pytest.param([kpi.parse(c) for c in FEEDBACK_CELLS], id="list-of-thresholds"),
]


@pytest.mark.parametrize("tiers", CONSTRUCTION_CASES)
def test_construction_forms_give_the_same_indicator(
    tiers: Mapping[str | ScaleGrade, str] | Sequence[str],
) -> None:
    ind = Indicator(FEEDBACK, tiers)
    assert ind.scale is Grade
    assert list(ind.tiers) == [Grade.优, Grade.良, Grade.中, Grade.差]
    assert " | ".join(cells(ind)) == FEEDBACK_TEXT
    assert ind.unit is not None
    assert ind.unit.word == "%"
    assert ind.direction is Direction.HIGHER_IS_BETTER
    assert ind.gap is kpi.GapPolicy.WORSE
    assert ind == Indicator(FEEDBACK, FEEDBACK_CELLS)


def test_none_and_empty_cells_are_empty_tiers() -> None:
    ind = Indicator("承办大型会议次数", [None, "", "—", "无"])
    assert all(t.is_empty for t in ind.tiers.values())
    assert not ind.is_gradable


# tiers, scale given (or None), scale expected
SCALE_CASES = [
    pytest.param(
        {"优秀": "≥90", "称职": "≥80", "基本称职": "≥60", "不称职": "<60"},
        None,
        CompetenceGrade,
        id="competence-inferred",
    ),
    pytest.param(
        {"优秀": "≥90", "合格": "≥80", "基本合格": "≥60", "不合格": "<60"},
        None,
        QualificationGrade,
        id="qualification-inferred",
    ),
    pytest.param(
        {"优秀": "≥90", "不合格": "<60"},
        None,
        QualificationGrade,
        id="qualification-inferred-from-two-labels",
    ),
    pytest.param(
        {CompetenceGrade.优秀: "≥90", CompetenceGrade.称职: "≥80"},
        None,
        CompetenceGrade,
        id="competence-from-grade-keys",
    ),
    pytest.param(
        ["≥90", "≥80", "≥60", "<60"], CompetenceGrade, CompetenceGrade, id="competence-list"
    ),
    pytest.param(
        {"EXCELLENT": "≥90", "QUALIFIED": "≥80", "BASICALLY_QUALIFIED": "≥60"},
        None,
        QualificationGrade,
        id="qualification-aliases",
    ),
    pytest.param(
        {"优秀": "圆满完成", "称职": "较好完成", "基本称职": "基本完成", "不称职": "未完成"},
        None,
        CompetenceGrade,
        id="competence-qualitative",
    ),
]


@pytest.mark.parametrize(("tiers", "scale", "expected"), SCALE_CASES)
def test_other_scales(
    tiers: Mapping[str | ScaleGrade, str] | Sequence[str],
    scale: type[ScaleGrade] | None,
    expected: type[ScaleGrade],
) -> None:
    ind = Indicator("考核得分", tiers, scale=scale)
    assert ind.scale is expected
    assert list(ind.tiers) == list(expected)


Stars: Any = kpi.make_scale("Stars", ["五星", "四星", "三星"], module=__name__)


def test_made_scale_with_a_list() -> None:
    ind = Indicator("星级评定", ["≥90", "≥80", "<80"], scale=Stars)
    assert cells(ind) == ["[90, +∞)", "[80, +∞)", "(-∞, 80)"]
    assert kpi.grade(ind, 85) is Stars.四星
    assert kpi.grade(ind, 10) is Stars.三星
    assert ind.scale is Stars


def test_made_scale_with_a_mapping() -> None:
    ind = Indicator("星级评定", {"五星": "≥90", "四星": "≥80", "三星": "<80"}, scale=Stars)
    assert list(ind.tiers) == [Stars.五星, Stars.四星, Stars.三星]
    assert kpi.grade(ind, 95) is Stars.五星


def test_made_scale_grades_pickle() -> None:
    assert pickle.loads(pickle.dumps(Stars.四星)) is Stars.四星


# ---------------------------------------------------------------- construction errors

# name, tiers, keyword arguments, error class, whole message
ERROR_CASES = [
    pytest.param(
        "反馈率",
        ["≥90%", "≥80%", "≥60%"],
        {},
        kpi.IndicatorError,
        "indicator '反馈率': expected 4 tiers (优/良/中/差), found 3",
        id="three-tiers",
    ),
    pytest.param(
        "反馈率",
        ["≥90%", "≥80%", "≥60%", "<60%", "<50%"],
        {},
        kpi.IndicatorError,
        "indicator '反馈率': expected 4 tiers (优/良/中/差), found 5",
        id="five-tiers",
    ),
    pytest.param(
        "星级评定",
        ["≥90", "≥80", "≥70", "<70"],
        {"scale": Stars},
        kpi.IndicatorError,
        "indicator '星级评定': expected 3 tiers (五星/四星/三星), found 4",
        id="four-tiers-on-a-three-grade-scale",
    ),
    pytest.param(
        "反馈率",
        {"优": "≥90%", "良": "≥80%", "中": "≥60%", "劣": "<60%"},
        {},
        kpi.IndicatorError,
        "indicator '反馈率': cannot tell the scale from the tiers 优/良/中/劣; pass scale=",
        id="unknown-label-key",
    ),
    pytest.param(
        "反馈率",
        {"优": "≥90%", "良": "≥80%", "中": "≥60%", "劣": "<60%"},
        {"scale": Grade},
        kpi.IndicatorError,
        "indicator '反馈率': '劣' is not a grade of the scale 优/良/中/差",
        id="unknown-label-key-with-scale",
    ),
    pytest.param(
        "反馈率",
        {"优": "≥90", Stars.四星: "≥80"},
        {"scale": Grade},
        kpi.IndicatorError,
        "indicator '反馈率': Stars.四星 is not a grade of Grade",
        id="grade-of-another-scale",
    ),
    pytest.param(
        "反馈率",
        ["≥90%", "较好", "≥60%", "<60%"],
        {},
        kpi.IndicatorError,
        "indicator '反馈率' mixes numbers and labels: tier 优 is '[90%, +∞)' but tier 良 is '较好'",
        id="numbers-and-labels",
    ),
    pytest.param(
        "系统全年累计故障时长（小时）",
        ["≥90%", "≥80%", "≥60%", "<60%"],
        {},
        kpi.UnitMismatchError,
        "indicator '系统全年累计故障时长（小时）': tier 优 '[90%, +∞)' is in % (ratio), "
        "which does not convert to 小时 (time)",
        id="name-unit-against-tier-unit",
    ),
    pytest.param(
        "接待人数（次）",
        ["≥100元", "≥80", "≥60", "<60"],
        {},
        kpi.UnitMismatchError,
        "indicator '接待人数（次）': tier 优 '[100元, +∞)' is in 元 (money), "
        "which does not convert to 次 (count)",
        id="count-name-against-money-tier",
    ),
    pytest.param(
        "时长",
        ["≥90%", "≥80", "≥60次", "<60%"],
        {},
        kpi.UnitMismatchError,
        "indicator '时长': tier 中 '[60次, +∞)' is in 次 (count), "
        "which does not convert to % (ratio)",
        id="tiers-in-incompatible-units",
    ),
    pytest.param(
        "时长",
        ["≥1年", "≥6个月", "≥30天", "<30天"],
        {},
        kpi.UnitMismatchError,
        "indicator '时长': tier 中 '[30天, +∞)' is in 天 (time), "
        "which does not convert to 年 (calendar time)",
        id="days-against-years",
    ),
    pytest.param(
        "时长（小时）",
        ["≥90", "≥80", "≥60", "<60"],
        {"unit": "%"},
        kpi.UnitMismatchError,
        "indicator '时长（小时）': the unit in its name is in 小时 (time), "
        "which does not convert to % (ratio)",
        id="name-unit-against-explicit-unit",
    ),
    pytest.param(
        "时长",
        ["≥90", "≥80", "≥60", "<60"],
        {"unit": "斛"},
        kpi.IndicatorError,
        "indicator '时长': '斛' is not a known unit",
        id="unknown-explicit-unit",
    ),
]


@pytest.mark.parametrize(("name", "tiers", "kwargs", "error", "message"), ERROR_CASES)
def test_construction_errors(
    name: str,
    tiers: Mapping[str | ScaleGrade, str] | Sequence[str],
    kwargs: dict[str, object],
    error: type[kpi.KpiError],
    message: str,
) -> None:
    with pytest.raises(error) as info:
        Indicator(name, tiers, **kwargs)  # type: ignore[arg-type]
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


# ---------------------------------------------------------------- unit resolution

# name, tiers, unit= (or None), the indicator's unit word (None for no unit), tier texts in it
UNIT_CASES = [
    pytest.param("事项督查反馈率", FEEDBACK_CELLS, None, "%", None, id="tier-units"),
    pytest.param(
        "系统全年累计故障时长（小时）",
        ["＜48", "＜96", "＜192", "≥192"],
        None,
        "小时",
        None,
        id="name-hours",
    ),
    pytest.param("组织对外联络（次）", ["≥3", "2", "1", "0"], None, "次", None, id="name-count"),
    pytest.param(
        "专项资金（万元）", ["≥100", "≥80", "≥60", "<60"], None, "万元", None, id="name-wan-yuan"
    ),
    pytest.param(
        "专项资金(万元)", ["≥100", "≥80", "≥60", "<60"], None, "万元", None, id="name-ascii-parens"
    ),
    pytest.param(
        "人均补助（元/人·月）",
        ["≥100", "≥80", "≥60", "<60"],
        None,
        "元/人·月",
        None,
        id="name-compound",
    ),
    pytest.param(
        "儿童保健覆盖率（0-6岁）",
        ["≥90%", "≥80%", "≥60%", "<60%"],
        None,
        "%",
        None,
        id="age-range-ignored-percent-tiers",
    ),
    pytest.param(
        "儿童数（0-6岁）", ["≥90", "≥80", "≥60", "<60"], None, None, None, id="age-range-ignored"
    ),
    pytest.param(
        "参保人数（户籍人口）",
        ["≥90", "≥80", "≥60", "<60"],
        None,
        None,
        None,
        id="population-ignored",
    ),
    pytest.param(
        "故障时长", ["≥90", "≥80", "≥60", "<60"], "小时", "小时", None, id="explicit-unit"
    ),
    pytest.param(
        "故障时长（小时）", ["≥4", "≥3", "≥2", "<2"], "天", "天", None, id="explicit-unit-wins"
    ),
    pytest.param(
        "响应时长",
        ["≥2天", "≥36小时", "≥1天", "<1天"],
        None,
        "天",
        ["[2, +∞)", "[1.5, +∞)", "[1, +∞)", "(-∞, 1)"],
        id="convertible-tier-units",
    ),
    pytest.param(
        "系统全年累计故障时长（小时）",
        ["<2天", "<96", "<8天", "≥8天"],
        None,
        "小时",
        ["(-∞, 48)", "(-∞, 96)", "(-∞, 192)", "[192, +∞)"],
        id="days-into-name-hours",
    ),
    pytest.param(
        "差错率",
        ["＜0.01%", "＜0.2‰", "＜0.05%", "＜1‰"],
        None,
        "%",
        ["(-∞, 0.01)", "(-∞, 0.02)", "(-∞, 0.05)", "(-∞, 0.1)"],
        id="permille-into-percent",
    ),
    pytest.param(
        "面积（平方米）",
        ["≥3亩", "≥1000", "≥1亩", "<1亩"],
        None,
        "平方米",
        ["[2000, +∞)", "[1000, +∞)", "[2000/3, +∞)", "(-∞, 2000/3)"],
        id="mu-into-square-meters",
    ),
]


@pytest.mark.parametrize(("name", "tiers", "unit", "word", "converted"), UNIT_CASES)
def test_unit_resolution(
    name: str,
    tiers: list[str],
    unit: str | None,
    word: str | None,
    converted: list[str] | None,
) -> None:
    ind = Indicator(name, tiers, unit=unit)
    assert (ind.unit.word if ind.unit is not None else None) == word
    if converted is not None:
        found = [" | ".join(str(iv) for iv in ind.tier(g).intervals) for g in ind.scale]
        assert found == converted


# name, tiers, value, grade: bare tier numbers and bare values are read in the name's unit
NAME_UNIT_GRADE_CASES = [
    pytest.param(
        "专项资金（万元）", ["≥100", "≥80", "≥60", "<60"], "1000000元", Grade.优, id="yuan"
    ),
    pytest.param(
        "专项资金（万元）", ["≥100", "≥80", "≥60", "<60"], "999999元", Grade.良, id="yuan-below"
    ),
    pytest.param("专项资金（万元）", ["≥100", "≥80", "≥60", "<60"], 100, Grade.优, id="bare-wan"),
    pytest.param("专项资金（万元）", ["≥100", "≥80", "≥60", "<60"], "0.01亿元", Grade.优, id="yi"),
    pytest.param("组织对外联络（次）", ["≥3", "2", "1", "0"], "2次", Grade.良, id="count"),
    pytest.param("组织对外联络（次）", ["≥3", "2", "1", "0"], "3人次", Grade.优, id="other-count"),
    pytest.param(
        "响应时长", ["≥2天", "≥36小时", "≥1天", "<1天"], "40小时", Grade.良, id="hours-in-days"
    ),
    pytest.param(
        "响应时长", ["≥2天", "≥36小时", "≥1天", "<1天"], "36小时", Grade.良, id="36-hours"
    ),
    pytest.param(
        "响应时长", ["≥2天", "≥36小时", "≥1天", "<1天"], "35.9小时", Grade.中, id="below-36-hours"
    ),
    pytest.param("响应时长", ["≥2天", "≥36小时", "≥1天", "<1天"], 2, Grade.优, id="bare-days"),
]


@pytest.mark.parametrize(("name", "tiers", "value", "expected"), NAME_UNIT_GRADE_CASES)
def test_values_are_graded_in_the_resolved_unit(
    name: str, tiers: list[str], value: str | int, expected: Grade
) -> None:
    assert kpi.grade(Indicator(name, tiers), value) is expected


# ---------------------------------------------------------------- direction

DIRECTION_CASES = [
    pytest.param(FEEDBACK_CELLS, Direction.HIGHER_IS_BETTER, id="cumulative-at-least"),
    pytest.param(["100%", "≥95%", "≥90%", "＜90%"], Direction.HIGHER_IS_BETTER, id="hundred-first"),
    pytest.param(["≥5", "[3,5)", "[1,3)", "0"], Direction.HIGHER_IS_BETTER, id="bands-and-zero"),
    pytest.param(["≥3", "2", "1", "0"], Direction.HIGHER_IS_BETTER, id="points-up"),
    pytest.param(
        ["90%以上", "80-89%", "60-79%", "60%以下"], Direction.HIGHER_IS_BETTER, id="seed-ranges"
    ),
    pytest.param(["100%", "90%", "85%", "85%"], Direction.HIGHER_IS_BETTER, id="repeated-point"),
    pytest.param(["≥90%", "≥80%", "≥60%", "—"], Direction.HIGHER_IS_BETTER, id="empty-worst"),
    pytest.param(["＜48", "＜96", "＜192", "≥192"], Direction.LOWER_IS_BETTER, id="hours"),
    pytest.param(["＜0.1‰", "＜0.2‰", "＜0.5‰", "＜1‰"], Direction.LOWER_IS_BETTER, id="permille"),
    pytest.param(["0%", "1-2%", "3-4%", "5%以上"], Direction.LOWER_IS_BETTER, id="rate-down"),
    pytest.param(["9.9", "11.8", "12.6", "12.7"], Direction.LOWER_IS_BETTER, id="point-cut-lines"),
    pytest.param(
        ["17.9~23.9", "16~26", "14~28", "<14或>28"], Direction.TARGET_BAND, id="band-with-tails"
    ),
    pytest.param(["17.9~23.9", "16~26", "14~28", "—"], Direction.TARGET_BAND, id="band"),
    pytest.param(["[3,5]", "[0,3)", "(5,8]", "—"], Direction.UNKNOWN, id="scattered"),
    pytest.param(["5", "5", "5", "5"], Direction.UNKNOWN, id="all-equal"),
    pytest.param(["≥90", "—", "—", "—"], Direction.UNKNOWN, id="one-tier"),
    pytest.param(["—", "—", "—", "—"], Direction.UNKNOWN, id="no-tier"),
    pytest.param(
        ["圆满完成", "较好完成", "部分完成", "没完成"], Direction.QUALITATIVE, id="labels"
    ),
]


@pytest.mark.parametrize(("tiers", "direction"), DIRECTION_CASES)
def test_direction_is_inferred(tiers: list[str], direction: Direction) -> None:
    ind = Indicator("指标", tiers)
    assert ind.direction is direction
    assert ind.is_qualitative is (direction is Direction.QUALITATIVE)


# ---------------------------------------------------------------- value semantics

SAME_CASES = [
    pytest.param(
        Indicator(FEEDBACK, FEEDBACK_CELLS),
        Indicator(FEEDBACK, {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "<60%"}),
        id="list-and-mapping",
    ),
    pytest.param(
        Indicator(FEEDBACK, ["≥90.0%", "≥80%", "≥60%", "<60%"]),
        Indicator(FEEDBACK, FEEDBACK_CELLS),
        id="equal-numbers",
    ),
    pytest.param(
        Indicator(FEEDBACK, ["≥90%", "≥80%", "≥60%", "<60%"], gap="nearest"),
        Indicator(FEEDBACK, ["≥90%", "≥80%", "≥60%", "<60%"], gap=kpi.GapPolicy.NEAREST),
        id="gap-as-text-and-enum",
    ),
]

DIFFERENT_CASES = [
    pytest.param(
        Indicator(FEEDBACK, FEEDBACK_CELLS), Indicator("反馈率", FEEDBACK_CELLS), id="name"
    ),
    pytest.param(
        Indicator(FEEDBACK, FEEDBACK_CELLS),
        Indicator(FEEDBACK, FEEDBACK_CELLS, gap="nearest"),
        id="gap",
    ),
    pytest.param(
        Indicator(FEEDBACK, FEEDBACK_CELLS),
        Indicator(FEEDBACK, ["≥90%", "≥85%", "≥60%", "<60%"]),
        id="a-tier",
    ),
    pytest.param(
        Indicator("得分", ["≥90", "≥80", "≥60", "<60"]),
        Indicator("得分", ["≥90", "≥80", "≥60", "<60"], scale=CompetenceGrade),
        id="scale",
    ),
    pytest.param(
        Indicator("得分", ["≥90", "≥80", "≥60", "<60"]),
        Indicator("得分", ["≥90", "≥80", "≥60", "<60"], unit="分"),
        id="unit",
    ),
]


@pytest.mark.parametrize(("a", "b"), SAME_CASES)
def test_equal_indicators(a: Indicator, b: Indicator) -> None:
    assert a == b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1


@pytest.mark.parametrize(("a", "b"), DIFFERENT_CASES)
def test_different_indicators(a: Indicator, b: Indicator) -> None:
    assert a != b


PICKLE_CASES = [
    pytest.param(FEEDBACK, FEEDBACK_CELLS, "85%", id="cumulative"),
    pytest.param(
        "系统全年累计故障时长（小时）", ["＜48", "＜96", "＜192", "≥192"], "2天", id="hours"
    ),
    pytest.param("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], "89.5%", id="gap"),
    pytest.param(
        "打私专项联合执法行动",
        ["圆满完成", "较好完成", "部分完成", "没完成"],
        "较好完成",
        id="labels",
    ),
    pytest.param("面积（平方米）", ["≥3亩", "≥1000", "≥1亩", "<1亩"], "1亩", id="fractions"),
]


@pytest.mark.parametrize(("name", "tiers", "value"), PICKLE_CASES)
def test_pickle_round_trip(name: str, tiers: list[str], value: str) -> None:
    ind = Indicator(name, tiers)
    back = pickle.loads(pickle.dumps(ind))
    assert back == ind
    assert hash(back) == hash(ind)
    assert back.direction is ind.direction
    assert kpi.grade(back, value) is kpi.grade(ind, value)


@pytest.mark.parametrize(("name", "tiers", "value"), PICKLE_CASES)
def test_grading_keeps_equality_and_pickling(name: str, tiers: list[str], value: str) -> None:
    graded = Indicator(name, tiers)
    fresh = Indicator(name, tiers)
    before = hash(graded)
    expected = kpi.grade(graded, value)
    kpi.grade(graded, value, gap="nearest")
    assert graded == fresh
    assert hash(graded) == before == hash(fresh)
    back = pickle.loads(pickle.dumps(graded))
    assert back == fresh
    assert kpi.grade(back, value) is expected
    assert copy.deepcopy(graded) == fresh


def test_indicator_is_frozen() -> None:
    ind = Indicator(FEEDBACK, FEEDBACK_CELLS)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        ind.name = "其他"  # type: ignore[misc]


REPR_CASES = [
    pytest.param(
        Indicator(FEEDBACK, FEEDBACK_CELLS),
        "<Indicator '事项督查反馈率' 优: [90%, +∞) | 良: [80%, +∞) | 中: [60%, +∞) "
        "| 差: (-∞, 60%)>",
        id="cumulative",
    ),
    pytest.param(
        Indicator("系统全年累计故障时长（小时）", ["＜48", "＜96", "＜192", "≥192"]),
        "<Indicator '系统全年累计故障时长（小时）' 优: (-∞, 48) | 良: (-∞, 96) | 中: (-∞, 192) "
        "| 差: [192, +∞)>",
        id="bare-hours",
    ),
    pytest.param(
        Indicator("反馈率", ["≥90%", "≥80%", "≥60%", "—"]),
        "<Indicator '反馈率' 优: [90%, +∞) | 良: [80%, +∞) | 中: [60%, +∞) | 差: —>",
        id="empty-tier",
    ),
    pytest.param(
        Indicator("打私专项联合执法行动", ["圆满完成", "较好完成", "部分完成", "没完成"]),
        "<Indicator '打私专项联合执法行动' 优: 圆满完成 | 良: 较好完成 | 中: 部分完成 "
        "| 差: 没完成>",
        id="labels",
    ),
    pytest.param(
        Indicator("星级评定", ["≥90", "≥80", "<80"], scale=Stars),
        "<Indicator '星级评定' 五星: [90, +∞) | 四星: [80, +∞) | 三星: (-∞, 80)>",
        id="made-scale",
    ),
]


@pytest.mark.parametrize(("indicator", "text"), REPR_CASES)
def test_repr(indicator: Indicator, text: str) -> None:
    assert repr(indicator) == text


# ---------------------------------------------------------------- kpi.Grade


def test_grade_order() -> None:
    assert Grade.优 > Grade.良 > Grade.中 > Grade.差
    assert Grade.差 < Grade.中 < Grade.良 < Grade.优
    assert Grade.良 >= Grade.良
    assert sorted([Grade.中, Grade.优, Grade.差, Grade.良]) == [
        Grade.差,
        Grade.中,
        Grade.良,
        Grade.优,
    ]
    assert max(Grade) is Grade.优
    assert min(Grade) is Grade.差
    assert list(Grade) == [Grade.优, Grade.良, Grade.中, Grade.差]
    assert Grade.best() is Grade.优
    assert Grade.worst() is Grade.差


GRADE_CASES = [
    pytest.param(Grade.优, "优", "EXCELLENT", 1, id="you"),
    pytest.param(Grade.良, "良", "GOOD", 2, id="liang"),
    pytest.param(Grade.中, "中", "FAIR", 3, id="zhong"),
    pytest.param(Grade.差, "差", "POOR", 4, id="cha"),
]


@pytest.mark.parametrize(("grade", "label", "alias", "rank"), GRADE_CASES)
def test_grade_labels_and_aliases(grade: Grade, label: str, alias: str, rank: int) -> None:
    assert str(grade) == label
    assert grade.label == label
    assert repr(grade) == f"Grade.{label}"
    assert grade.rank == rank
    assert getattr(Grade, alias) is grade
    assert Grade[alias] is grade
    assert Grade.from_label(label) is grade
    assert Grade.from_label(alias) is grade
    assert Grade.from_label(f" {label} ") is grade
    assert pickle.loads(pickle.dumps(grade)) is grade


@pytest.mark.parametrize("label", ["劣", "优秀", "excellent", ""], ids=repr)
def test_grade_from_an_unknown_label(label: str) -> None:
    with pytest.raises(KeyError) as info:
        Grade.from_label(label)
    assert info.value.args[0] == f"{label!r} is not a grade of the scale 优/良/中/差"


def test_grades_of_different_scales_do_not_compare() -> None:
    best: ScaleGrade = Grade.优
    other: ScaleGrade = CompetenceGrade.优秀
    assert best != other
    with pytest.raises(TypeError):
        _ = best < other


SCALE_ALIAS_CASES = [
    pytest.param(
        CompetenceGrade,
        ["优秀", "称职", "基本称职", "不称职"],
        ["EXCELLENT", "COMPETENT", "BASICALLY_COMPETENT", "INCOMPETENT"],
        id="competence",
    ),
    pytest.param(
        QualificationGrade,
        ["优秀", "合格", "基本合格", "不合格"],
        ["EXCELLENT", "QUALIFIED", "BASICALLY_QUALIFIED", "UNQUALIFIED"],
        id="qualification",
    ),
]


@pytest.mark.parametrize(("scale", "labels", "aliases"), SCALE_ALIAS_CASES)
def test_other_scales_are_ordered_and_aliased(
    scale: type[ScaleGrade], labels: list[str], aliases: list[str]
) -> None:
    assert [str(g) for g in scale] == labels
    grades = list(scale)
    assert all(a > b for a, b in itertools.pairwise(grades))
    for label, alias in zip(labels, aliases, strict=True):
        assert scale.from_label(alias) is scale.from_label(label)


MAKE_SCALE_ERROR_CASES = [
    pytest.param(["五星"], "a scale needs two or more distinct labels, not ['五星']", id="one"),
    pytest.param(
        ["五星", "五星"],
        "a scale needs two or more distinct labels, not ['五星', '五星']",
        id="twice",
    ),
]


@pytest.mark.parametrize(("labels", "message"), MAKE_SCALE_ERROR_CASES)
def test_make_scale_errors(labels: list[str], message: str) -> None:
    with pytest.raises(ValueError, match="a scale needs") as info:
        kpi.make_scale("Bad", labels)
    assert str(info.value) == message
