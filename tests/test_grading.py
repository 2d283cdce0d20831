"""Unit tests of kpi.grade and kpi.evaluate, and of Threshold.contains.

Every expected grade and reason is derived by hand from the rules of issue 2 ("Indicators and
grading"): tiers are tried from best to worst and the first that contains the value wins; a value
in a gap gets the worse of the two tiers around it (policy "worse"), the closer one ("nearest",
a tie going to the worse) or no grade ("error"); beyond every tier on the worse side the worst
grade of the scale, on the better side (or for a target band or no direction) the tier next to
it; bare numbers are read in the indicator's unit, values with a unit are converted exactly.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import cast

import pytest

import kpi
from kpi import Basis, Grade, Indicator

优, 良, 中, 差 = Grade.优, Grade.良, Grade.中, Grade.差

Value = str | int | float | Decimal | Fraction

# The indicators of the tests, by a short key used in the ids.
INDICATORS: dict[str, Indicator] = {
    # the seed's 部门职责-工作活动绩效目标 table
    "feedback": Indicator(
        "事项督查反馈率", {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"}
    ),
    "satisfaction": Indicator("对外联络服务满意度", ["100%", "≥95%", "≥90%", "＜90%"]),
    "outage": Indicator(
        "系统全年累计故障时长（小时）", {"优": "＜48", "良": "＜96", "中": "＜192", "差": "≥192"}
    ),
    "mediation": Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"]),
    "review": Indicator("复议决定提起诉讼率", ["0%", "1-2%", "3-4%", "5%以上"]),
    "errors": Indicator("内容、编校、设计、印刷差错率", ["＜0.1‰", "＜0.2‰", "＜0.5‰", "＜1‰"]),
    "chroniclers": Indicator("培训修志队伍", ["≥3", "2", "1", "0"]),
    "smuggling": Indicator("打私专项联合执法行动", ["圆满完成", "较好完成", "部分完成", "没完成"]),
    "video": Indicator("视频会议系统断点", ["信号优良", "信号正常", "偶有断点", "不正常"]),
    "meetings": Indicator("承办大型会议次数", ["", "", "", ""]),
    # the examples of the issue
    "no-poor": Indicator("会议保障率", ["≥90%", "≥80%", "≥60%", "—"]),
    "points": Indicator("验收合格率", ["100%", "90%", "85%", "85%"]),
    "score": Indicator("综合得分", ["[90,100]", "[80,90)", "[60,80)", "[0,60)"]),
    "sprint": Indicator("50米跑（秒）", ["9.9", "11.8", "12.6", "12.7"]),
    "band": Indicator("体质指数", ["17.9~23.9", "16~26", "14~28", "—"]),
    "scattered": Indicator("抽检批次", ["[3,5]", "[0,3)", "(5,8]", "—"]),
    "cadres": Indicator(
        "干部考核",
        {"优秀": "圆满完成", "称职": "较好完成", "基本称职": "基本完成", "不称职": "未完成"},
    ),
}


def ind(key: str) -> Indicator:
    return INDICATORS[key]


# ---------------------------------------------------------------- the README and the issue


def test_readme_feedback_examples() -> None:
    feedback = ind("feedback")
    assert kpi.grade(feedback, "85%") is 良
    assert str(kpi.grade(feedback, "85%")) == "良"
    assert kpi.grade(feedback, 85) is 良
    ev = kpi.evaluate(feedback, "89.5%")
    assert ev.grade is 良
    assert ev.reason == (
        "89.5% is in 良 [80%, +∞), the best tier that contains it "
        "(the worse tier 中 contains all of 良 too)."
    )


def test_readme_hours_example() -> None:
    hours = Indicator("系统全年累计故障时长（小时）", ["＜48", "＜96", "＜192", "≥192"])
    assert hours == ind("outage")
    assert str(kpi.grade(hours, "2天")) == "良"  # 48 hours is not < 48
    assert hours.direction is kpi.Direction.LOWER_IS_BETTER


def test_readme_gap_example() -> None:
    ev = kpi.evaluate(ind("mediation"), "89.5%")
    assert ev.grade is 良
    assert ev.basis is Basis.GAP
    assert ev.reason == (
        "89.5% is in no tier: it lies between 良 [80%, 89%] and 优 [90%, +∞); "
        "gap policy 'worse' gives the worse of the two, 良."
    )


def test_readme_threshold_examples() -> None:
    t = kpi.parse("80%(含)-90%")
    assert str(t) == "[80%, 90%)"
    assert ("89.9%" in t, "90%" in t) == (True, False)
    assert "0.1‰" in kpi.parse("[0.01%, 0.01%]")


# indicator, value, grade: the examples the issue gives in "Indicators and grading"
ISSUE_EXAMPLE_CASES = [
    pytest.param("feedback", "85%", 良, id="feedback-85%"),
    pytest.param("feedback", 85, 良, id="feedback-bare-85"),
    pytest.param("feedback", "89.5%", 良, id="feedback-89.5%"),
    pytest.param("outage", "2天", 良, id="outage-2-days-is-48-hours"),
    pytest.param("mediation", "60%", 中, id="overlap-at-60%"),
    pytest.param("mediation", "89.5%", 良, id="gap-89.5%"),
    pytest.param("review", "2.5%", 中, id="lower-is-better-gap-2.5%"),
    pytest.param("errors", "2‰", 差, id="worse-tail-2‰"),
    pytest.param("no-poor", "50%", 差, id="worse-tail-empty-worst-tier"),
    pytest.param("points", "80%", 差, id="worse-tail-unreachable-worst-tier"),
    pytest.param("score", 105, 优, id="better-tail-105"),
    pytest.param("sprint", 10, 良, id="cut-line-10"),
    pytest.param("sprint", 12.65, 差, id="cut-line-12.65"),
    pytest.param("sprint", 9, 优, id="cut-line-9"),
    pytest.param("smuggling", "较好完成", 良, id="label"),
]


@pytest.mark.parametrize(("key", "value", "expected"), ISSUE_EXAMPLE_CASES)
def test_issue_examples(key: str, value: Value, expected: Grade) -> None:
    assert kpi.grade(ind(key), value) is expected
    assert kpi.evaluate(ind(key), value).grade is expected


# ---------------------------------------------------------------- units of values

# indicator, value, grade, the value as evaluated (in the indicator's unit)
UNIT_CASES = [
    pytest.param("feedback", 85, 良, "85%", id="bare-number-in-percent"),
    pytest.param("feedback", "85", 良, "85%", id="bare-text-in-percent"),
    pytest.param("feedback", "850‰", 良, "85%", id="permille-into-percent"),
    pytest.param("feedback", "９０％", 优, "90%", id="full-width"),
    pytest.param("outage", 48, 良, "48小时", id="bare-48-hours"),
    pytest.param("outage", 47.9, 优, "47.9小时", id="bare-47.9-hours"),
    pytest.param("outage", "2天", 良, "48小时", id="2-days"),
    pytest.param("outage", "1.99天", 优, "47.76小时", id="1.99-days"),
    pytest.param("outage", "2880分钟", 良, "48小时", id="minutes"),
    pytest.param("outage", "8天", 差, "192小时", id="8-days"),
    pytest.param("errors", "0.01%", 良, "0.1‰", id="0.01%-is-0.1‰-not-below-it"),
    pytest.param("errors", "0.009%", 优, "0.09‰", id="0.009%"),
    pytest.param("errors", "0.02%", 中, "0.2‰", id="0.02%"),
    pytest.param("errors", "0.0499%", 中, "0.499‰", id="0.0499%"),
    pytest.param("errors", "0.05%", 差, "0.5‰", id="0.05%"),
    pytest.param("errors", "0.1%", 差, "1‰", id="0.1%-beyond-every-tier"),
    pytest.param("errors", 0.1, 良, "0.1‰", id="bare-in-permille"),
    pytest.param("chroniclers", 2, 良, "2", id="unitless"),
]


@pytest.mark.parametrize(("key", "value", "expected", "shown"), UNIT_CASES)
def test_values_are_read_in_the_indicator_unit(
    key: str, value: Value, expected: Grade, shown: str
) -> None:
    ev = kpi.evaluate(ind(key), value)
    assert ev.grade is expected
    assert str(ev.value) == shown


def test_two_days_on_an_hours_indicator_reason() -> None:
    ev = kpi.evaluate(ind("outage"), "2天")
    assert ev.given == "2天"
    assert isinstance(ev.value, kpi.Measurement)
    assert ev.value.number == 48
    assert ev.reason == (
        "2天 (= 48小时) is in 良 (-∞, 96小时), the best tier that contains it "
        "(the worse tier 中 contains all of 良 too)."
    )


def test_bare_number_reason_says_how_it_was_read() -> None:
    assert kpi.evaluate(ind("feedback"), 85).reason == (
        "85 (read as 85%) is in 良 [80%, +∞), the best tier that contains it "
        "(the worse tier 中 contains all of 良 too)."
    )


# n: the tiers are ≥n% / ≥(n-1)% / ≥(n-2)% / <(n-2)%; a float at the edge is exactly n%.
PERCENT_EDGES = [7, 14, 28, 29, 55, 56, 57, 58, 95, 100]


@pytest.mark.parametrize("n", PERCENT_EDGES, ids=lambda n: f"{n}%")
def test_floats_at_percent_edges(n: int) -> None:
    rate = Indicator("完成率", [f"≥{n}%", f"≥{n - 1}%", f"≥{n - 2}%", f"<{n - 2}%"])
    assert kpi.grade(rate, float(n)) is 优
    assert kpi.grade(rate, f"{n}%") is 优
    assert kpi.grade(rate, f"{n * 10}‰") is 优
    assert kpi.grade(rate, Decimal(f"{n}.000")) is 优
    assert kpi.grade(rate, n - 1e-9) is 良
    assert kpi.grade(rate, float(n - 1)) is 良
    assert kpi.grade(rate, f"{n * 10 - 10}‰") is 良


# value, grade on 对外联络服务满意度 100% / ≥95% / ≥90% / ＜90%
SATISFACTION_EDGE_CASES = [
    pytest.param(100.0, 优, id="100.0"),
    pytest.param(99.99, 良, id="99.99"),
    pytest.param(95.0, 良, id="95.0"),
    pytest.param(94.99, 中, id="94.99"),
    pytest.param(90.0, 中, id="90.0"),
    pytest.param(89.99, 差, id="89.99"),
    pytest.param(Fraction(190, 2), 良, id="fraction-95"),
    pytest.param(Decimal("95.00"), 良, id="decimal-95.00"),
]


@pytest.mark.parametrize(("value", "expected"), SATISFACTION_EDGE_CASES)
def test_floats_against_percent_tiers(value: Value, expected: Grade) -> None:
    assert kpi.grade(ind("satisfaction"), value) is expected


# ---------------------------------------------------------------- the percent warning

# tiers (cells), value, the one warning expected (None for no warning)
WARNING_CASES = [
    pytest.param(
        ["100%", "≥95%", "≥90%", "＜90%"],
        0.95,
        "the bare value 0.95 was read as 0.95%, far below every tier; if 95% was meant, pass '95%'",
        id="float-0.95",
    ),
    pytest.param(
        ["100%", "≥95%", "≥90%", "＜90%"],
        "0.95",
        "the bare value 0.95 was read as 0.95%, far below every tier; if 95% was meant, pass '95%'",
        id="text-0.95",
    ),
    pytest.param(
        ["≥90%", "≥80%", "≥60%", "＜60%"],
        1,
        "the bare value 1 was read as 1%, far below every tier; if 100% was meant, pass '100%'",
        id="int-1",
    ),
    pytest.param(
        ["≥60%", "≥55%", "≥50%", "<50%"],
        0.5,
        "the bare value 0.5 was read as 0.5%, far below every tier; if 50% was meant, pass '50%'",
        id="tiers-from-50%",
    ),
    pytest.param(["100%", "≥95%", "≥90%", "＜90%"], 95, None, id="bare-95"),
    pytest.param(["100%", "≥95%", "≥90%", "＜90%"], "0.95%", None, id="0.95%-with-unit"),
    pytest.param(["100%", "≥95%", "≥90%", "＜90%"], 1.01, None, id="above-1"),
    pytest.param(["100%", "≥95%", "≥90%", "＜90%"], -0.5, None, id="negative"),
    pytest.param(["≥60%", "≥50%", "≥40%", "<40%"], 0.95, None, id="tiers-below-50%"),
    pytest.param(["≥600‰", "≥550‰", "≥500‰", "<500‰"], 0.95, None, id="permille-indicator"),
]


@pytest.mark.parametrize(("tiers", "value", "warning"), WARNING_CASES)
def test_percent_warning(tiers: list[str], value: Value, warning: str | None) -> None:
    rate = Indicator("满意度", tiers)
    ev = kpi.evaluate(rate, value)
    assert ev.warnings == (() if warning is None else (warning,))
    if isinstance(value, int | float):
        assert ev.grade is kpi.grade(rate, f"{value}%")  # the grade does not change


def test_percent_warning_does_not_change_the_grade() -> None:
    ev = kpi.evaluate(ind("satisfaction"), 0.95)
    assert ev.grade is 差
    assert ev.basis is Basis.TIER
    assert ev.reason == "0.95 (read as 0.95%) is in 差 (-∞, 90%) and in no better tier."
    assert kpi.grade(ind("satisfaction"), 0.95) is kpi.grade(ind("satisfaction"), "0.95%")


def test_no_warning_for_an_ordinary_value() -> None:
    assert kpi.evaluate(ind("feedback"), "85%").warnings == ()


# ---------------------------------------------------------------- qualitative indicators

# indicator, value, grade, whole reason
LABEL_CASES = [
    pytest.param("smuggling", "较好完成", 良, "'较好完成' is the label of 良.", id="label"),
    pytest.param("smuggling", " 较好完成。", 良, "'较好完成' is the label of 良.", id="normalised"),
    pytest.param("smuggling", "\u3000没完成\n", 差, "'没完成' is the label of 差.", id="spaces"),
    pytest.param("smuggling", "良", 良, "'良' names the grade 良.", id="grade-name"),
    pytest.param("smuggling", "优", 优, "'优' names the grade 优.", id="grade-name-best"),
    pytest.param("video", "信号正常；", 良, "'信号正常' is the label of 良.", id="semicolon"),
    pytest.param("video", "不正常", 差, "'不正常' is the label of 差.", id="worst"),
    pytest.param(
        "cadres", "较好完成", Grade.良, "'较好完成' is the label of 称职.", id="competence-label"
    ),
    pytest.param("cadres", "称职", None, "'称职' names the grade 称职.", id="competence-grade"),
]


@pytest.mark.parametrize(("key", "value", "expected", "reason"), LABEL_CASES)
def test_qualitative_values(key: str, value: str, expected: Grade | None, reason: str) -> None:
    ev = kpi.evaluate(ind(key), value)
    assert ev.basis is Basis.LABEL
    assert ev.reason == reason
    scale = ind(key).scale
    assert ev.grade.rank == (expected.rank if expected is not None else 2)
    assert type(ev.grade) is scale


SMUGGLING_ALLOWED = (
    "圆满完成 (优), 较好完成 (良), 部分完成 (中), 没完成 (差) or a grade 优/良/中/差"
)

# indicator, value, whole message of the LabelError
LABEL_ERROR_CASES = [
    pytest.param(
        "smuggling",
        "完成",
        f"'完成' is not a label of indicator '打私专项联合执法行动'; expected one of "
        f"{SMUGGLING_ALLOWED}",
        id="unknown-label",
    ),
    pytest.param(
        "smuggling",
        95,
        f"indicator '打私专项联合执法行动' is qualitative; expected one of {SMUGGLING_ALLOWED}, "
        "found the number 95",
        id="number",
    ),
    pytest.param(
        "smuggling",
        "95%",
        f"indicator '打私专项联合执法行动' is qualitative; expected one of {SMUGGLING_ALLOWED}, "
        "found the number 95%",
        id="number-with-unit",
    ),
    pytest.param(
        "cadres",
        "良",
        "'良' is not a label of indicator '干部考核'; expected one of 圆满完成 (优秀), "
        "较好完成 (称职), 基本完成 (基本称职), 未完成 (不称职) "
        "or a grade 优秀/称职/基本称职/不称职",
        id="grade-of-another-scale",
    ),
    pytest.param(
        "feedback",
        "较好完成",
        "indicator '事项督查反馈率' holds numbers; expected a number, found the label '较好完成'",
        id="label-on-numeric",
    ),
    pytest.param(
        "feedback",
        "良",
        "indicator '事项督查反馈率' holds numbers; expected a number, found the label '良'",
        id="grade-name-on-numeric",
    ),
]


@pytest.mark.parametrize(("key", "value", "message"), LABEL_ERROR_CASES)
def test_label_errors(key: str, value: Value, message: str) -> None:
    with pytest.raises(kpi.LabelError) as info:
        kpi.grade(ind(key), value)
    assert str(info.value) == message
    assert isinstance(info.value, kpi.KpiError)


# ---------------------------------------------------------------- unit errors

# indicator, value, whole message of the UnitMismatchError
UNIT_ERROR_CASES = [
    pytest.param(
        "chroniclers",
        "3次",
        "indicator '培训修志队伍' has no unit; expected a bare number, found 3次",
        id="unit-on-unitless",
    ),
    pytest.param(
        "chroniclers",
        "3%",
        "indicator '培训修志队伍' has no unit; expected a bare number, found 3%",
        id="percent-on-unitless",
    ),
    pytest.param(
        "outage",
        "3个月",
        "value 3个月 is in 个月 (calendar time), which does not convert to 小时 (time), "
        "the unit of indicator '系统全年累计故障时长（小时）'",
        id="months-on-hours",
    ),
    pytest.param(
        "outage",
        "2工作日",
        "value 2工作日 is in 工作日 (working time), which does not convert to 小时 (time), "
        "the unit of indicator '系统全年累计故障时长（小时）'",
        id="workdays-on-hours",
    ),
    pytest.param(
        "feedback",
        "3人",
        "value 3人 is in 人 (count), which does not convert to % (ratio), "
        "the unit of indicator '事项督查反馈率'",
        id="count-on-percent",
    ),
]


@pytest.mark.parametrize(("key", "value", "message"), UNIT_ERROR_CASES)
def test_unit_errors(key: str, value: str, message: str) -> None:
    with pytest.raises(kpi.UnitMismatchError) as info:
        kpi.grade(ind(key), value)
    assert str(info.value) == message


def test_an_indicator_without_thresholds_is_not_graded() -> None:
    with pytest.raises(kpi.UngradableError) as info:
        kpi.grade(ind("meetings"), 3)
    assert str(info.value) == (
        "indicator '承办大型会议次数' has no thresholds: every tier is empty, "
        "so no grade can be given"
    )


# ---------------------------------------------------------------- reasons, one per basis

# indicator, value, gap policy, grade, basis, whole reason
REASON_CASES = [
    pytest.param(
        "mediation",
        "85%",
        "worse",
        良,
        Basis.TIER,
        "85% is in 良 [80%, 89%] and in no better tier.",
        id="tier",
    ),
    pytest.param(
        "mediation",
        "95%",
        "worse",
        优,
        Basis.TIER,
        "95% is in 优 [90%, +∞).",
        id="tier-best",
    ),
    pytest.param(
        "feedback",
        "85%",
        "worse",
        良,
        Basis.TIER,
        "85% is in 良 [80%, +∞), the best tier that contains it "
        "(the worse tier 中 contains all of 良 too).",
        id="tier-cumulative",
    ),
    pytest.param(
        "mediation",
        "60%",
        "worse",
        中,
        Basis.OVERLAP,
        "60% is in 中 [60%, 79%] and also in 差 (-∞, 60%], which overlap; "
        "tiers are tried from best to worst, so the better tier, 中, wins.",
        id="overlap",
    ),
    pytest.param(
        "mediation",
        "89.5%",
        "worse",
        良,
        Basis.GAP,
        "89.5% is in no tier: it lies between 良 [80%, 89%] and 优 [90%, +∞); "
        "gap policy 'worse' gives the worse of the two, 良.",
        id="gap-worse",
    ),
    pytest.param(
        "review",
        "2.5%",
        "worse",
        中,
        Basis.GAP,
        "2.5% is in no tier: it lies between 良 [1%, 2%] and 中 [3%, 4%]; "
        "gap policy 'worse' gives the worse of the two, 中.",
        id="gap-worse-lower-is-better",
    ),
    pytest.param(
        "errors",
        "2‰",
        "worse",
        差,
        Basis.TAIL,
        "2‰ is in no tier: it lies above every tier, the highest being 差 [0.5‰, 1‰); "
        "that is the worse side of a lower-is-better indicator, and gap policy 'worse' "
        "gives the worst grade of the scale, 差.",
        id="tail-worse-side",
    ),
    pytest.param(
        "points",
        "80%",
        "worse",
        差,
        Basis.TAIL,
        "80% is in no tier: it lies below every tier, the lowest being 中 [85%, 85%]; "
        "that is the worse side of a higher-is-better indicator, and gap policy 'worse' "
        "gives the worst grade of the scale, 差.",
        id="tail-worse-side-unreachable-worst",
    ),
    pytest.param(
        "score",
        105,
        "worse",
        优,
        Basis.TAIL,
        "105 is in no tier: it lies above every tier, the highest being 优 [90, 100]; "
        "that is the better side of a higher-is-better indicator, so it gets the tier "
        "next to it, 优.",
        id="tail-better-side",
    ),
    pytest.param(
        "sprint",
        9,
        "worse",
        优,
        Basis.TAIL,
        "9 (read as 9秒) is in no tier: it lies below every tier, the lowest being "
        "优 [9.9秒, 9.9秒]; that is the better side of a lower-is-better indicator, so it gets "
        "the tier next to it, 优.",
        id="tail-better-side-lower-is-better",
    ),
    pytest.param(
        "band",
        30,
        "worse",
        中,
        Basis.TAIL,
        "30 is in no tier: it lies above every tier, the highest being 中 (26, 28]; "
        "the indicator's tiers have the shape of a target band, so it gets the tier next "
        "to it, 中.",
        id="tail-band-above",
    ),
    pytest.param(
        "band",
        10,
        "worse",
        中,
        Basis.TAIL,
        "10 is in no tier: it lies below every tier, the lowest being 中 [14, 16); "
        "the indicator's tiers have the shape of a target band, so it gets the tier next "
        "to it, 中.",
        id="tail-band-below",
    ),
    pytest.param(
        "scattered",
        10,
        "worse",
        中,
        Basis.TAIL,
        "10 is in no tier: it lies above every tier, the highest being 中 (5, 8]; "
        "the indicator's tiers have no direction, so it gets the tier next to it, 中.",
        id="tail-no-direction",
    ),
    pytest.param(
        "mediation",
        "89.7%",
        "nearest",
        优,
        Basis.GAP,
        "89.7% is in no tier: it lies between 良 [80%, 89%] and 优 [90%, +∞); "
        "gap policy 'nearest' gives the closer of the two (a tie goes to the worse), 优.",
        id="gap-nearest",
    ),
    pytest.param(
        "points",
        "80%",
        "nearest",
        中,
        Basis.TAIL,
        "80% is in no tier: it lies below every tier, the lowest being 中 [85%, 85%]; "
        "gap policy 'nearest' gives the tier next to it, 中.",
        id="tail-nearest",
    ),
    pytest.param(
        "smuggling",
        "较好完成",
        "worse",
        良,
        Basis.LABEL,
        "'较好完成' is the label of 良.",
        id="label",
    ),
]


@pytest.mark.parametrize(("key", "value", "gap", "grade", "basis", "reason"), REASON_CASES)
def test_reasons(key: str, value: Value, gap: str, grade: Grade, basis: Basis, reason: str) -> None:
    ev = kpi.evaluate(ind(key), value, gap=gap)
    assert ev.grade is grade
    assert ev.basis is basis
    assert ev.reason == reason
    assert ev.indicator == ind(key).name


# ---------------------------------------------------------------- gap policies

# indicator, value, grade under "worse", under "nearest"
POLICY_CASES = [
    pytest.param("mediation", "89.5%", 良, 良, id="tie-goes-to-the-worse"),
    pytest.param("mediation", "89.2%", 良, 良, id="closer-to-the-worse"),
    pytest.param("mediation", "89.7%", 良, 优, id="closer-to-the-better"),
    pytest.param("mediation", "79.9%", 中, 良, id="79.9%"),
    pytest.param("review", "0.5%", 良, 良, id="lower-tie"),
    pytest.param("review", "0.4%", 良, 优, id="lower-closer-to-the-better"),
    pytest.param("review", "4.5%", 差, 差, id="lower-tie-worst"),
    pytest.param("review", "-1%", 优, 优, id="lower-better-tail"),
    pytest.param("sprint", 10.85, 良, 良, id="cut-lines-midpoint"),
    pytest.param("sprint", 10.84, 良, 优, id="cut-lines-below-midpoint"),
    pytest.param("sprint", 12.65, 差, 差, id="cut-lines-tie"),
    pytest.param("sprint", 13, 差, 差, id="cut-lines-worse-tail"),
    pytest.param("points", "87%", 中, 中, id="points-87%"),
    pytest.param("points", "88%", 中, 良, id="points-88%"),
    pytest.param("points", "95%", 良, 良, id="points-95%"),
    pytest.param("points", "101%", 优, 优, id="points-better-tail"),
    pytest.param("points", "80%", 差, 中, id="points-worse-tail"),
    pytest.param("no-poor", "50%", 差, 中, id="empty-worst-worse-tail"),
    pytest.param("score", -5, 差, 差, id="score-below-zero"),
    pytest.param("band", 10, 中, 中, id="band-below"),
    pytest.param("scattered", -1, 良, 良, id="no-direction-below"),
]


@pytest.mark.parametrize(("key", "value", "worse", "nearest"), POLICY_CASES)
def test_gap_policies(key: str, value: Value, worse: Grade, nearest: Grade) -> None:
    assert kpi.grade(ind(key), value) is worse
    assert kpi.grade(ind(key), value, gap="worse") is worse
    assert kpi.grade(ind(key), value, gap=kpi.GapPolicy.WORSE) is worse
    assert kpi.grade(ind(key), value, gap="nearest") is nearest
    assert kpi.grade(ind(key), value, gap=kpi.GapPolicy.NEAREST) is nearest
    with pytest.raises(kpi.GapError):
        kpi.grade(ind(key), value, gap="error")


# indicator, value, whole message of the GapError
GAP_ERROR_CASES = [
    pytest.param(
        "mediation",
        "89.5%",
        "89.5% of indicator '案件调解率' is in no tier: it lies between 良 [80%, 89%] "
        "and 优 [90%, +∞) (gap policy 'error')",
        id="gap",
    ),
    pytest.param(
        "score",
        105,
        "105 of indicator '综合得分' is in no tier: it lies above every tier, the highest "
        "being 优 [90, 100] (gap policy 'error')",
        id="better-tail",
    ),
    pytest.param(
        "errors",
        "2‰",
        "2‰ of indicator '内容、编校、设计、印刷差错率' is in no tier: it lies above every tier, "
        "the highest being 差 [0.5‰, 1‰) (gap policy 'error')",
        id="worse-tail",
    ),
    pytest.param(
        "sprint",
        10,
        "10 (read as 10秒) of indicator '50米跑（秒）' is in no tier: it lies between "
        "优 [9.9秒, 9.9秒] and 良 [11.8秒, 11.8秒] (gap policy 'error')",
        id="between-points",
    ),
]


@pytest.mark.parametrize(("key", "value", "message"), GAP_ERROR_CASES)
def test_gap_error(key: str, value: Value, message: str) -> None:
    with pytest.raises(kpi.GapError) as info:
        kpi.evaluate(ind(key), value, gap="error")
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


# value, grade: values in a tier are graded under gap="error" too
ERROR_POLICY_IN_TIER_CASES = [
    pytest.param("85%", 良, id="in-tier"),
    pytest.param("60%", 中, id="overlap"),
    pytest.param("100%", 优, id="best"),
]


@pytest.mark.parametrize(("value", "expected"), ERROR_POLICY_IN_TIER_CASES)
def test_error_policy_grades_values_in_a_tier(value: str, expected: Grade) -> None:
    assert kpi.grade(ind("mediation"), value, gap="error") is expected


def test_gap_override_per_call() -> None:
    strict = Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap="error")
    assert strict.gap is kpi.GapPolicy.ERROR
    with pytest.raises(kpi.GapError):
        kpi.grade(strict, "89.7%")
    assert kpi.grade(strict, "89.7%", gap="worse") is 良
    assert kpi.grade(strict, "89.7%", gap="nearest") is 优
    assert kpi.evaluate(strict, "89.7%", gap=kpi.GapPolicy.NEAREST).reason == (
        "89.7% is in no tier: it lies between 良 [80%, 89%] and 优 [90%, +∞); "
        "gap policy 'nearest' gives the closer of the two (a tie goes to the worse), 优."
    )
    assert strict.gap is kpi.GapPolicy.ERROR  # the override does not stick
    with pytest.raises(kpi.GapError):
        kpi.grade(strict, "89.7%")


def test_indicator_gap_policy_is_the_default() -> None:
    near = Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap="nearest")
    assert kpi.grade(near, "89.7%") is 优
    assert kpi.grade(near, "89.7%", gap="worse") is 良


CHOICES = "'worse', 'nearest', 'error'"

# indicator, gap, value
BAD_GAP_CALL_CASES = [
    pytest.param("mediation", "closest", "85%", id="numeric-in-tier"),
    pytest.param("mediation", "Worse", "89.5%", id="numeric-gap-capitalised"),
    pytest.param("mediation", "", "89.5%", id="empty"),
    pytest.param("smuggling", "closest", "较好完成", id="qualitative"),
]


@pytest.mark.parametrize(("key", "gap", "value"), BAD_GAP_CALL_CASES)
def test_invalid_gap_per_call(key: str, gap: str, value: Value) -> None:
    with pytest.raises(ValueError, match="gap must be one of") as info:
        kpi.grade(ind(key), value, gap=gap)
    assert str(info.value) == f"gap must be one of {CHOICES}, not {gap!r}"


def test_invalid_gap_on_an_indicator() -> None:
    with pytest.raises(ValueError, match="gap must be one of") as info:
        Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap="closest")
    assert str(info.value) == f"indicator '案件调解率': gap must be one of {CHOICES}, not 'closest'"


# ---------------------------------------------------------------- Threshold.contains

# cell, value, whether the threshold contains it
CONTAINS_CASES = [
    pytest.param("≥95%", "95%", True, id="at-bound"),
    pytest.param("≥95%", "94.9%", False, id="below-bound"),
    pytest.param("≥95%", 95, True, id="bare-in-own-unit"),
    pytest.param("≥95%", 95.0, True, id="float-in-own-unit"),
    pytest.param("≥95%", "0.95", False, id="bare-0.95-is-0.95%"),
    pytest.param("≥95%", "950‰", True, id="converted"),
    pytest.param("＞95%", "95%", False, id="strict-at-bound"),
    pytest.param("60%以下", "60%", True, id="yixia-includes"),
    pytest.param("60%以下(不含)", "60%", False, id="buhan-excludes"),
    pytest.param("80%(含)-90%", "90%", False, id="half-open-range"),
    pytest.param("＜48", 47.99, True, id="unitless-below"),
    pytest.param("＜48", 48, False, id="unitless-at"),
    pytest.param("＜48小时", "2天", False, id="days-into-hours"),
    pytest.param("[3,5)", 5, False, id="interval-open-end"),
    pytest.param("≥80%且<90%", "89.99%", True, id="conjunction"),
    pytest.param("圆满完成", "圆满完成", True, id="label"),
    pytest.param("圆满完成", " 圆满完成。", True, id="label-normalised"),
    pytest.param("圆满完成", "较好完成", False, id="other-label"),
    pytest.param("—", "95%", False, id="empty-number"),
    pytest.param("—", 95, False, id="empty-bare"),
    pytest.param("", "圆满完成", False, id="empty-label"),
    pytest.param("无", "3次", False, id="empty-count"),
]


@pytest.mark.parametrize(("cell", "value", "inside"), CONTAINS_CASES)
def test_threshold_contains(cell: str, value: Value, inside: bool) -> None:
    threshold = kpi.parse(cell)
    assert threshold.contains(value) is inside
    assert (value in threshold) is inside


# cell, value, error class, whole message
CONTAINS_ERROR_CASES = [
    pytest.param(
        "≥3",
        "3次",
        kpi.UnitMismatchError,
        "threshold '[3, +∞)' has no unit; expected a bare number, found 3次",
        id="unit-on-unitless",
    ),
    pytest.param(
        "≥95%",
        "3次",
        kpi.UnitMismatchError,
        "value 3次 is in 次 (count), which does not convert to % (ratio) of threshold '[95%, +∞)'",
        id="incompatible-unit",
    ),
    pytest.param(
        "＜48小时",
        "2个月",
        kpi.UnitMismatchError,
        "value 2个月 is in 个月 (calendar time), which does not convert to 小时 (time) "
        "of threshold '(-∞, 48小时)'",
        id="months-into-hours",
    ),
    pytest.param(
        "圆满完成",
        95,
        kpi.LabelError,
        "threshold '圆满完成' is a label; expected a label, found the number 95",
        id="number-on-label",
    ),
    pytest.param(
        "≥95%",
        "优秀",
        kpi.LabelError,
        "threshold '[95%, +∞)' holds numbers; expected a number, found the label '优秀'",
        id="label-on-numbers",
    ),
    pytest.param(
        "—",
        cast(Value, None),
        kpi.ValueTypeError,
        "expected a number or a text as the value, found None",
        id="none-on-empty",
    ),
]


@pytest.mark.parametrize(("cell", "value", "error", "message"), CONTAINS_ERROR_CASES)
def test_threshold_contains_errors(
    cell: str, value: Value, error: type[kpi.KpiError], message: str
) -> None:
    threshold = kpi.parse(cell)
    with pytest.raises(error) as info:
        threshold.contains(value)
    assert str(info.value) == message
    with pytest.raises(error):
        _ = value in threshold
