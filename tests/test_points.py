"""kpi.score and single-target indicators: the points one value earns.

The formulas themselves are tested in test_scoring.py; here, an indicator
reads the value (units, labels, full-width forms), reads its target (bare,
equal-to, in another unit) and scores it, and every edge is exact.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import kpi
from kpi import Indicator, Rule

D = Decimal
F = Fraction

# The indicator of most cases: its unit is in its name; a target or value
# with a unit of its own is converted into hours, or refused.
HOURS = "系统全年累计故障时长（小时）"

# indicator keyword arguments, the value, points, rule, reading, whole reason
SCORE_CASES = [
    # higher-is-better at its edges: at the target, just below, zero, over-achievement
    pytest.param(
        {"target": "≥95%", "name": "会议保障率"},
        "95%",
        D(10),
        Rule.HIGHER_PROPORTIONAL,
        "minimum",
        "95% reaches the target ≥95%: full weight, 10 points.",
        id="at-target",
    ),
    pytest.param(
        {"target": "≥95%", "name": "会议保障率"},
        "94.99%",
        F(9499, 950),
        Rule.HIGHER_PROPORTIONAL,
        "minimum",
        "94.99% is below the target ≥95%: 10 × 94.99 / 95 ≈ 10.00 of 10 points.",
        id="just-below",
    ),
    pytest.param(
        {"target": "≥95%", "name": "会议保障率"},
        "0%",
        D(0),
        Rule.HIGHER_PROPORTIONAL,
        "minimum",
        "0% is below the target ≥95%: 10 × 0 / 95 = 0 of 10 points.",
        id="zero",
    ),
    pytest.param(
        {"target": "≥95%", "name": "会议保障率"},
        "120%",
        D(10),
        Rule.HIGHER_PROPORTIONAL,
        "minimum",
        "120% reaches the target ≥95%: full weight, 10 points.",
        id="over-achievement-is-capped",
    ),
    # units: the value is read in the indicator's unit, exactly
    pytest.param(
        {"target": "≤0.1‰", "name": "会议保障率"},
        "0.01%",
        D(10),
        Rule.LOWER_RATIO,
        "maximum",
        "0.1‰ is within the target ≤0.1‰: full weight, 10 points.",
        id="percent-equals-permille-at-target",
    ),
    pytest.param(
        {"target": "≤0.1‰", "name": "会议保障率"},
        "0.0100001%",
        F(1000000, 100001),
        Rule.LOWER_RATIO,
        "maximum",
        "0.100001‰ exceeds the target ≤0.1‰: 10 × 0.1 / 0.100001 ≈ 10.00 of 10 points.",
        id="just-above-a-permille-target",
    ),
    pytest.param(
        {"target": "≤48"},
        "2天",
        D(10),
        Rule.LOWER_RATIO,
        "maximum",
        "48小时 is within the target ≤48小时: full weight, 10 points.",
        id="days-against-hours-from-the-name",
    ),
    pytest.param(
        {"target": "≤2天"},
        "49",
        F(480, 49),
        Rule.LOWER_RATIO,
        "maximum",
        "49小时 exceeds the target ≤48小时: 10 × 48 / 49 ≈ 9.80 of 10 points.",
        id="target-in-days-converted-to-the-name-unit",
    ),
    # a float is read as the decimal it shows
    pytest.param(
        {"target": "≥0.3"},
        0.3,
        D(10),
        Rule.HIGHER_PROPORTIONAL,
        "minimum",
        "0.3小时 reaches the target ≥0.3小时: full weight, 10 points.",
        id="float-at-target",
    ),
    # bare and equal-to targets
    pytest.param(
        {"target": "100%", "name": "会议保障率"},
        "99%",
        D("9.9"),
        Rule.HIGHER_PROPORTIONAL,
        "minimum",
        "99% is below the target 100% (a single value, read as a minimum: the name "
        "会议保障率 holds no lower-is-better word): 10 × 99 / 100 = 9.9 of 10 points.",
        id="bare-percent",
    ),
    pytest.param(
        {"target": "=0", "rule": "EQUAL"},
        "0",
        D(10),
        Rule.EQUAL,
        "exact",
        "0小时 meets the target =0小时 (with a target of 0, an actual of 0 or less counts): "
        "full weight, 10 points.",
        id="equal-zero-met",
    ),
    pytest.param(
        {"target": "=0"},
        "0.5",
        D(0),
        Rule.EQUAL,
        "exact",
        "0.5小时 is above the target =0小时: 0 points (with a target of 0, any actual above 0 "
        "scores 0).",
        id="equal-zero-missed",
    ),
    pytest.param(
        {"target": "≤2天", "rule": "lower-linear"},
        "72",
        D(5),
        Rule.LOWER_LINEAR,
        "maximum",
        "72小时 exceeds the target ≤48小时: 10 × (1 − (72 − 48) / 48) = 5 of 10 points.",
        id="linear-half",
    ),
    pytest.param(
        {"target": "≤2天", "rule": "LOWER_LINEAR"},
        "4天",
        D(0),
        Rule.LOWER_LINEAR,
        "maximum",
        "96小时 exceeds the target ≤48小时: 10 × (1 − (96 − 48) / 48) = 0 of 10 points.",
        id="linear-zero-at-twice",
    ),
]


@pytest.mark.parametrize(("kwargs", "value", "points", "rule", "reading", "reason"), SCORE_CASES)
def test_score(
    kwargs: dict[str, str],
    value: str | float,
    points: Decimal | Fraction,
    rule: Rule,
    reading: str,
    reason: str,
) -> None:
    options = dict(kwargs)
    ind = Indicator(options.pop("name", HOURS), weight=10, **options)
    found = kpi.score(ind, value)
    assert (found.points, found.rule, found.reading, found.reason) == (
        points,
        rule,
        reading,
        reason,
    )
    assert found.grade is None
    assert found.given == str(value)


def test_tiered_indicator_scores_by_its_grade() -> None:
    ind = Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], weight=4)
    found = kpi.score(ind, "89.5%")
    assert (found.grade, found.points, found.rule) == (kpi.Grade.良, D("3.2"), Rule.TIERED)
    assert found.reason == (
        "89.5% is in no tier: it lies between 良 [80%, 89%] and 优 [90%, +∞); gap policy "
        "'worse' gives the worse of the two, 良. Grade 良 earns 0.8 of the weight: "
        "4 × 0.8 = 3.2 of 4 points."
    )


def test_fractions_are_configurable() -> None:
    ind = Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=10)
    shares = kpi.Fractions(excellent=1, good=D("0.9"), fair=D("0.7"), poor=D("0.2"))
    assert kpi.score(ind, "79%", fractions=shares).points == D(2)
    assert kpi.score(ind, "92%", fractions=shares).points == D(9)


def test_weight_given_to_score_overrides_the_indicator() -> None:
    ind = Indicator("会议保障率", target="≥95%", weight=10)
    assert kpi.score(ind, "95%", weight=D("2.5")).points == D("2.5")


def test_no_weight_is_refused() -> None:
    with pytest.raises(kpi.IndicatorError) as caught:
        kpi.score(Indicator("会议保障率", target="≥95%"), "95%")
    assert str(caught.value) == (
        "indicator '会议保障率' has no weight; give it weight= or pass weight= here"
    )


# qualitative targets: the level of the actual
LEVEL_CASES = [
    ("达成", D(10), "level 达成 earns 1 of the weight: 10 × 1 = 10 of 10 points."),
    ("部分达成", D(8), "level 部分达成 earns 0.8 of the weight: 10 × 0.8 = 8 of 10 points."),
    ("未达成", D(6), "level 未达成 earns 0.6 of the weight: 10 × 0.6 = 6 of 10 points."),
    ("　部分 达成 ", D(8), "level 部分达成 earns 0.8 of the weight: 10 × 0.8 = 8 of 10 points."),
    (
        "达到预期",
        D(10),
        "'达到预期' is the target itself, so the level is 达成; level 达成 earns 1 of the "
        "weight: 10 × 1 = 10 of 10 points.",
    ),
]


@pytest.mark.parametrize(("value", "points", "reason"), LEVEL_CASES)
def test_qualitative_target(value: str, points: Decimal, reason: str) -> None:
    ind = Indicator("群众满意情况", target="达到预期", weight=10)
    assert ind.is_qualitative
    found = kpi.score(ind, value)
    assert (found.points, found.rule, found.reason) == (points, Rule.QUALITATIVE, reason)


ERROR_CASES = [
    pytest.param(
        {"target": "达到预期"},
        "95%",
        kpi.LabelError,
        "indicator '群众满意情况' has the qualitative target 达到预期; expected a level "
        "(达成, 部分达成, 未达成) or 达到预期, found the number 95%",
        id="number-for-a-level",
    ),
    pytest.param(
        {"target": "达到预期"},
        "很好",
        kpi.LabelError,
        "'很好' is not a level of indicator '群众满意情况'; expected one of 达成, 部分达成, "
        "未达成, or the target 达到预期",
        id="unknown-level",
    ),
    pytest.param(
        {"target": "≥95%"},
        "达成",
        kpi.LabelError,
        "indicator '群众满意情况' has the target [95%, +∞); expected a number, found the "
        "label '达成'",
        id="label-for-a-number",
    ),
    pytest.param(
        {"target": "≥95%"},
        "3天",
        kpi.UnitMismatchError,
        "value 3天 is in 天 (time), which does not convert to % (ratio), the unit of "
        "indicator '群众满意情况'",
        id="wrong-unit",
    ),
]


@pytest.mark.parametrize(("kwargs", "value", "error", "message"), ERROR_CASES)
def test_score_errors(
    kwargs: dict[str, str], value: str, error: type[Exception], message: str
) -> None:
    ind = Indicator("群众满意情况", weight=10, **kwargs)
    with pytest.raises(error) as caught:
        kpi.score(ind, value)
    assert str(caught.value) == message


INDICATOR_ERROR_CASES = [
    pytest.param(
        {},
        kpi.IndicatorError,
        "indicator '会议保障率': give its tiers (优/良/中/差) or a single target",
        id="nothing",
    ),
    pytest.param(
        {"target": "[90%,95%]"},
        kpi.IndicatorError,
        "indicator '会议保障率': the target '[90%, 95%]' is not a single bound; scoring needs "
        "≥T, >T, ≤T, <T or a single value T",
        id="range-target",
    ),
    pytest.param(
        {"target": "≥95%", "direction": "lower"},
        kpi.IndicatorError,
        "indicator '会议保障率': the target '[95%, +∞)' is a minimum (higher-is-better), but "
        "direction 'lower' was given",
        id="direction-contradicts",
    ),
    pytest.param(
        {"target": "≥95%", "rule": "sideways"},
        kpi.PolicyError,
        "indicator '会议保障率': rule must be one of HIGHER_PROPORTIONAL, LOWER_RATIO, "
        "LOWER_LINEAR, EQUAL, QUALITATIVE, TIERED, not 'sideways'",
        id="unknown-rule",
    ),
    pytest.param(
        {"target": "达到预期", "rule": "LOWER_RATIO"},
        kpi.IndicatorError,
        "indicator '会议保障率': the target '达到预期' is qualitative, so rule LOWER_RATIO "
        "cannot score it",
        id="rule-for-a-label",
    ),
    pytest.param(
        {"target": "≥95%", "weight": -1},
        kpi.IndicatorError,
        "indicator '会议保障率': a weight must be 0 or more, not -1",
        id="negative-weight",
    ),
    pytest.param(
        {"target": "≥95%", "weight": "10"},
        kpi.ArgumentTypeError,
        "indicator '会议保障率': a weight is a Decimal, a Fraction, an int or a float, "
        "not str '10'",
        id="weight-as-text",
    ),
    pytest.param(
        {"target": "≥3天", "unit": "%"},
        kpi.UnitMismatchError,
        "indicator '会议保障率': the target '[3天, +∞)' is in 天 (time), which does not "
        "convert to % (ratio)",
        id="target-unit",
    ),
]


@pytest.mark.parametrize(("kwargs", "error", "message"), INDICATOR_ERROR_CASES)
def test_indicator_errors(kwargs: dict[str, object], error: type[Exception], message: str) -> None:
    with pytest.raises(error) as caught:
        Indicator("会议保障率", **kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message


def test_target_indicator_views() -> None:
    ind = Indicator("项目平均办结时间", target="10天", weight=D(5))
    assert ind.direction is kpi.Direction.LOWER_IS_BETTER
    assert ind.has_target
    assert not ind.is_tiered
    assert ind.reading is not None
    assert ind.reading.reading == "maximum"
    assert repr(ind) == "<Indicator '项目平均办结时间' target: [10天, 10天] | weight: 5>"
    assert ind == Indicator("项目平均办结时间", target="10天", weight=5)
    assert ind != Indicator("项目平均办结时间", target="10天", weight=6)


# ------------------------------------------------------------------ properties

actuals = st.decimals(min_value=-1000, max_value=1000, places=3)
targets = st.decimals(min_value=0, max_value=500, places=2)


@given(
    st.sampled_from(["≥", ">", "≤", "<", "="]),
    targets,
    actuals,
    actuals,
    st.sampled_from([None, "LOWER_LINEAR"]),
)
def test_points_are_monotone_and_within_the_weight(
    sign: str, target: Decimal, a: Decimal, b: Decimal, linear: str | None
) -> None:
    rule = linear if sign in "≤<" else None
    ind = Indicator("指标（%）", target=f"{sign}{target}", weight=10, rule=rule)
    low, high = sorted((a, b))
    p_low, p_high = kpi.score(ind, low).points, kpi.score(ind, high).points
    assert 0 <= p_low <= 10
    assert 0 <= p_high <= 10
    if ind.direction is kpi.Direction.HIGHER_IS_BETTER and not (sign == "=" and target == 0):
        assert p_low <= p_high
    else:
        assert p_low >= p_high


@given(targets.filter(lambda t: t > 0))
def test_full_weight_exactly_at_a_closed_target(target: Decimal) -> None:
    for sign in ("≥", "≤", ""):
        ind = Indicator("指标（%）", target=f"{sign}{target}", weight=7)
        assert kpi.score(ind, f"{target}%").points == 7


# ------------------------------------------------------------------ range fractions

CENTRAL = kpi.Fractions(achieved="[80%,100%]", partly_achieved="[50%,80%)", not_achieved="[0,50%)")

# the level as written, points, whole reason (weight 10, the central rule's ranges)
RANGE_CASES = [
    pytest.param(
        "部分达成 70%",
        D(7),
        "level 部分达成 earns a share in [0.5, 0.8) of the weight, and the evaluator gave "
        "0.7: 10 × 0.7 = 7 of 10 points.",
        id="share-as-percent",
    ),
    pytest.param(
        "部分达成（0.5）",
        D(5),
        "level 部分达成 earns a share in [0.5, 0.8) of the weight, and the evaluator gave "
        "0.5: 10 × 0.5 = 5 of 10 points.",
        id="share-at-the-closed-edge",
    ),
    pytest.param(
        "达到预期 100%",
        D(10),
        "'达到预期' is the target itself, so the level is 达成; level 达成 earns a share in "
        "[0.8, 1] of the weight, and the evaluator gave 1: 10 × 1 = 10 of 10 points.",
        id="target-with-share",
    ),
    pytest.param(
        "未达成 0%",
        D(0),
        "level 未达成 earns a share in [0, 0.5) of the weight, and the evaluator gave 0: "
        "10 × 0 = 0 of 10 points.",
        id="zero-share",
    ),
]


@pytest.mark.parametrize(("value", "points", "reason"), RANGE_CASES)
def test_range_fractions(value: str, points: Decimal, reason: str) -> None:
    ind = Indicator("群众满意情况", target="达到预期", weight=10)
    found = kpi.score(ind, value, fractions=CENTRAL)
    assert (found.points, found.reason) == (points, reason)


RANGE_ERROR_CASES = [
    pytest.param(
        "部分达成",
        CENTRAL,
        "level 部分达成 earns a share in [0.5, 0.8) of the weight; give the share the "
        "evaluator chose with the level, such as '部分达成 65%'",
        id="no-share",
    ),
    pytest.param(
        "部分达成 80%",
        CENTRAL,
        "the share 0.8 given with level 部分达成 is outside its range [0.5, 0.8)",
        id="share-at-the-open-edge",
    ),
    pytest.param(
        "部分达成 70%",
        None,
        "level 部分达成 earns 0.8 of the weight, not the share 0.7 given with it",
        id="share-against-a-fixed-fraction",
    ),
]


@pytest.mark.parametrize(("value", "fractions", "message"), RANGE_ERROR_CASES)
def test_range_fraction_errors(value: str, fractions: kpi.Fractions | None, message: str) -> None:
    ind = Indicator("群众满意情况", target="达到预期", weight=10)
    with pytest.raises(kpi.LabelError) as caught:
        kpi.score(ind, value, fractions=fractions)
    assert str(caught.value) == message


FRACTIONS_RANGE_ERRORS = [
    pytest.param(
        {"achieved": "[80%,120%]"},
        "Fractions.achieved (达成) must lie within [0, 1], not [0.8, 1.2]",
        id="above-one",
    ),
    pytest.param(
        {"achieved": "≥80%"},
        "Fractions.achieved (达成) must lie within [0, 1], not [0.8, +∞)",
        id="unbounded",
    ),
    pytest.param(
        {"achieved": "[80%,100%]", "partly_achieved": "[50%,90%]", "not_achieved": "[0,50%)"},
        "Fractions.partly_achieved (部分达成) is [0.5, 0.9], reaching above "
        "Fractions.achieved (达成), [0.8, 1]: a worse level must not earn more",
        id="overlap",
    ),
    pytest.param(
        {"achieved": "3天"},
        "Fractions.achieved (达成) must be a fraction or one range of fractions such as [0.8,1] "
        "or [80%,100%], not '3天'",
        id="not-a-fraction",
    ),
]


@pytest.mark.parametrize(("kwargs", "message"), FRACTIONS_RANGE_ERRORS)
def test_fractions_range_errors(kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(kpi.IndicatorError) as caught:
        kpi.Fractions(**kwargs)  # type: ignore[arg-type]
    assert str(caught.value) == message
