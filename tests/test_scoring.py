"""Unit and property tests of kpi.scoring: the scoring rules of single-target indicators,
qualitative levels, tiered grades and the national grade bands.

Every expected number below is worked out by hand from the rules of issue 4 and the domain
reference (sections 2-4), T the target, R the actual value, w the weight:
higher-is-better w if R meets the target else w × R / T; lower-is-better w if R meets the
target else w × T / R, or linearly w × (1 − (R − T) / T), 0 from 2T on; equal-to with T = 0:
w if R ≤ 0 else 0, with T > 0 as higher-is-better; all clamped to [0, w]; with T ≤ 0 a missed
target scores 0 (the proportional formulas are not defined there).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpi
from kpi import CompetenceGrade, Grade
from kpi.national import NATIONAL_BANDS, national_bands, national_grade
from kpi.scoring import (
    Fractions,
    Rule,
    Score,
    score_grade,
    score_qualitative,
    score_target,
)

D = Decimal
F = Fraction
Number = Decimal | Fraction

HP, LR, LL, EQ = Rule.HIGHER_PROPORTIONAL, Rule.LOWER_RATIO, Rule.LOWER_LINEAR, Rule.EQUAL


def same(found: Number, expected: Number) -> bool:
    """Equal and of the same exact type (a Decimal where the value is a finite decimal)."""
    return found == expected and type(found) is type(expected)


# ---------------------------------------------------------------- single targets

# target, actual, direction, rule asked, expected points (w = 10), met, reading, rule used
TARGET_CASES = [
    # higher-is-better ≥95%
    pytest.param("≥95%", D(95), None, None, D(10), True, "minimum", HP, id="ge-at-target"),
    pytest.param("≥95%", D("95.01"), None, None, D(10), True, "minimum", HP, id="ge-just-above"),
    pytest.param("≥95%", D(200), None, None, D(10), True, "minimum", HP, id="ge-over-capped"),
    pytest.param(
        "≥95%", D("94.99"), None, None, F(9499, 950), False, "minimum", HP, id="ge-just-below"
    ),
    pytest.param("≥95%", D("94.5"), None, None, F(189, 19), False, "minimum", HP, id="ge-94.5"),
    pytest.param("≥95%", D("47.5"), None, None, D(5), False, "minimum", HP, id="ge-half"),
    pytest.param("≥95%", D(0), None, None, D(0), False, "minimum", HP, id="ge-zero-actual"),
    pytest.param("≥95%", D(-5), None, None, D(0), False, "minimum", HP, id="ge-negative-actual"),
    pytest.param("≥95%", F(95, 2), None, None, D(5), False, "minimum", HP, id="ge-fraction-actual"),
    # open: >95% is met only above 95; at 95 the formula gives 10 × 95 / 95 = 10
    pytest.param("＞95%", D(95), None, None, D(10), False, "minimum", HP, id="gt-at-target"),
    pytest.param("＞95%", D("95.01"), None, None, D(10), True, "minimum", HP, id="gt-just-above"),
    pytest.param("＞95%", D(94), None, None, F(188, 19), False, "minimum", HP, id="gt-below"),
    # zero and negative targets: missed scores 0
    pytest.param("≥0", D(0), None, None, D(10), True, "minimum", HP, id="ge-zero-target-met"),
    pytest.param("≥0", D(5), None, None, D(10), True, "minimum", HP, id="ge-zero-target-above"),
    pytest.param("≥0", D(-1), None, None, D(0), False, "minimum", HP, id="ge-zero-target-missed"),
    pytest.param("≥-5%", D(-5), None, None, D(10), True, "minimum", HP, id="ge-negative-target"),
    pytest.param("≥-5%", D(-6), None, None, D(0), False, "minimum", HP, id="ge-negative-missed"),
    # a bare value read as a minimum (higher) or a maximum (lower); =100% likewise
    pytest.param("100%", D(100), "higher", None, D(10), True, "minimum", HP, id="bare-higher-at"),
    pytest.param("100%", D(101), "higher", None, D(10), True, "minimum", HP, id="bare-higher-over"),
    pytest.param(
        "100%", D(99), "higher", None, D("9.9"), False, "minimum", HP, id="bare-higher-99"
    ),
    pytest.param("=100%", D(99), "higher", None, D("9.9"), False, "minimum", HP, id="eq-higher-99"),
    pytest.param("100%", D(100), "lower", None, D(10), True, "maximum", LR, id="bare-lower-at"),
    pytest.param("100%", D(99), "lower", None, D(10), True, "maximum", LR, id="bare-lower-under"),
    pytest.param(
        "100%", D(101), "lower", None, F(1000, 101), False, "maximum", LR, id="bare-lower-101"
    ),
    pytest.param(
        "100%",
        D(101),
        kpi.Direction.LOWER_IS_BETTER,
        None,
        F(1000, 101),
        False,
        "maximum",
        LR,
        id="bare-direction-enum",
    ),
    pytest.param(
        "100%",
        D(101),
        "lower-is-better",
        None,
        F(1000, 101),
        False,
        "maximum",
        LR,
        id="bare-direction-value",
    ),
    pytest.param("100%", D(99), None, HP, D("9.9"), False, "minimum", HP, id="bare-rule-higher"),
    pytest.param("5", D(6), None, LL, D(8), False, "maximum", LL, id="bare-rule-linear"),
    # lower-is-better ≤10天, ratio rule (the default)
    pytest.param("≤10天", D(10), None, None, D(10), True, "maximum", LR, id="le-at-target"),
    pytest.param("≤10天", D(9), None, None, D(10), True, "maximum", LR, id="le-under"),
    pytest.param("≤10天", D(0), None, None, D(10), True, "maximum", LR, id="le-zero-actual"),
    pytest.param("≤10天", D(-1), None, None, D(10), True, "maximum", LR, id="le-negative-actual"),
    pytest.param(
        "≤10天", D("10.01"), None, None, F(10000, 1001), False, "maximum", LR, id="le-just-above"
    ),
    pytest.param("≤10天", D(12), None, None, F(25, 3), False, "maximum", LR, id="le-12"),
    pytest.param("≤10天", D(20), None, None, D(5), False, "maximum", LR, id="le-twice"),
    pytest.param("≤10天", D(40), None, None, D("2.5"), False, "maximum", LR, id="le-four-times"),
    pytest.param("≤10天", D(12), None, "lower_ratio", F(25, 3), False, "maximum", LR, id="le-name"),
    pytest.param("＜10天", D(10), None, None, D(10), False, "maximum", LR, id="lt-at-target"),
    pytest.param("＜10天", D("9.99"), None, None, D(10), True, "maximum", LR, id="lt-just-under"),
    pytest.param("≤0", D(0), None, None, D(10), True, "maximum", LR, id="le-zero-target-met"),
    pytest.param("≤0", D(-1), None, None, D(10), True, "maximum", LR, id="le-zero-target-below"),
    pytest.param("≤0", D(3), None, None, D(0), False, "maximum", LR, id="le-zero-target-missed"),
    pytest.param("＜0", D(0), None, None, D(0), False, "maximum", LR, id="lt-zero-target-at"),
    pytest.param("＜0", D(-1), None, None, D(10), True, "maximum", LR, id="lt-zero-target-met"),
    pytest.param("≤-5%", D(-5), None, None, D(10), True, "maximum", LR, id="le-negative-target"),
    pytest.param("≤-5%", D(-3), None, None, D(0), False, "maximum", LR, id="le-negative-missed"),
    pytest.param("≤-5%", D(2), None, None, D(0), False, "maximum", LR, id="le-negative-positive"),
    # lower-is-better, linear rule
    pytest.param("≤10天", D(10), None, LL, D(10), True, "maximum", LL, id="lin-at-target"),
    pytest.param("≤10天", D(0), None, LL, D(10), True, "maximum", LL, id="lin-zero-actual"),
    pytest.param("≤10天", D("10.5"), None, LL, D("9.5"), False, "maximum", LL, id="lin-10.5"),
    pytest.param("≤10天", D(12), None, LL, D(8), False, "maximum", LL, id="lin-12"),
    pytest.param("≤10天", D(15), None, LL, D(5), False, "maximum", LL, id="lin-15"),
    pytest.param("≤10天", D("19.99"), None, LL, D("0.01"), False, "maximum", LL, id="lin-near-2t"),
    pytest.param("≤10天", D(20), None, LL, D(0), False, "maximum", LL, id="lin-twice"),
    pytest.param("≤10天", D(25), None, LL, D(0), False, "maximum", LL, id="lin-beyond-twice"),
    pytest.param("≤3", D(4), None, "lower-linear", F(20, 3), False, "maximum", LL, id="lin-thirds"),
    pytest.param("＜10天", D(10), None, LL, D(10), False, "maximum", LL, id="lin-open-at"),
    pytest.param("≤0", D(1), None, LL, D(0), False, "maximum", LL, id="lin-zero-target-missed"),
    pytest.param("≤0", D(0), None, LL, D(10), True, "maximum", LL, id="lin-zero-target-met"),
    # equal-to
    pytest.param("=0", D(0), None, EQ, D(10), True, "exact", EQ, id="eq0-zero"),
    pytest.param("=0", D(-1), None, EQ, D(10), True, "exact", EQ, id="eq0-negative"),
    pytest.param("=0", F(1, 1000), None, EQ, D(0), False, "exact", EQ, id="eq0-just-above"),
    pytest.param("=0", D(1), None, EQ, D(0), False, "exact", EQ, id="eq0-one"),
    pytest.param("=100%", D(100), None, EQ, D(10), True, "exact", EQ, id="eq-at"),
    pytest.param("=100%", D(101), None, EQ, D(10), True, "exact", EQ, id="eq-over-capped"),
    pytest.param("=100%", D(99), None, "equal", D("9.9"), False, "exact", EQ, id="eq-below"),
    pytest.param("=100%", D(0), "higher", EQ, D(0), False, "exact", EQ, id="eq-zero-actual"),
    pytest.param("=100%", D(-1), None, EQ, D(0), False, "exact", EQ, id="eq-negative-actual"),
    pytest.param("=0", D(1), "lower", EQ, D(0), False, "exact", EQ, id="eq0-direction-lower"),
]


@pytest.mark.parametrize(
    ("target", "actual", "direction", "rule", "points", "met", "reading", "used"), TARGET_CASES
)
def test_score_target(
    target: str,
    actual: Number,
    direction: str | kpi.Direction | None,
    rule: Rule | str | None,
    points: Number,
    met: bool,
    reading: str,
    used: Rule,
) -> None:
    score = score_target(kpi.parse(target), actual, D(10), direction=direction, rule=rule)
    assert same(score.points, points), score.points
    assert score.weight == 10
    assert score.met is met
    assert score.reading == reading
    assert score.rule is used


def test_exactness_of_94_5_against_95() -> None:
    score = score_target("≥95%", D("94.5"), D(10))
    assert score.points == F(10) * F("94.5") / F(95) == F(945, 95) == F(189, 19)
    assert isinstance(score.points, Fraction)
    assert score.rounded() == D("9.95")


# weight, expected points of 94.5 against ≥95
WEIGHT_CASES = [
    pytest.param(D("7.5"), F(567, 76), id="decimal-weight"),  # 7.5 × 94.5 / 95 = 708.75 / 95
    pytest.param(F(20, 3), F(126, 19), id="fraction-weight"),  # 20/3 × 189/190
    pytest.param(19, D("18.9"), id="int-weight"),  # 19 × 94.5 / 95
    pytest.param(D(0), D(0), id="zero-weight"),
]


@pytest.mark.parametrize(("weight", "points"), WEIGHT_CASES)
def test_weights_are_exact(weight: Number | int, points: Number) -> None:
    assert same(score_target("≥95%", D("94.5"), weight).points, points)


def test_full_weight_is_the_weight_as_given() -> None:
    assert same(score_target("≥95%", D(96), D("12.50")).points, D("12.50"))
    assert same(score_target("≥95%", D(96), F(20, 3)).points, F(20, 3))


def test_target_as_text_or_threshold_is_the_same() -> None:
    assert score_target("≤10天", 12, 10) == score_target(kpi.parse("≤10天"), 12, 10)


def test_float_actual_is_read_as_written() -> None:
    # 0.1 + 0.2 is 0.30000000000000004, not the binary approximation
    assert score_target("≥1", 0.5, 10).points == D(5)
    assert score_target("≥1", 0.1 + 0.2, 10).points == D("3.0000000000000004")


# target, actual, direction, rule, reason (w = 10)
REASON_CASES = [
    pytest.param(
        "≥95%", D(96), None, None,
        "96% reaches the target ≥95%: full weight, 10 points.",
        id="higher-met",
    ),
    pytest.param(
        "≥95%", D("94.5"), None, None,
        "94.5% is below the target ≥95%: 10 × 94.5 / 95 ≈ 9.95 of 10 points.",
        id="higher-below",
    ),
    pytest.param(
        "＞95%", D(95), None, None,
        "95% does not meet the target >95%, which excludes 95%: 10 × 95 / 95 = 10 of 10 points.",
        id="higher-open-at",
    ),
    pytest.param(
        "≥95%", D(-5), None, None,
        "-5% is below the target ≥95%: 10 × -5 / 95 ≈ -0.53, raised to 0 points "
        "(a score is never below 0).",
        id="higher-negative",
    ),
    pytest.param(
        "≥0", D(-1), None, None,
        "-1 is below the target ≥0; weight × actual / target is defined only for a target "
        "above 0, so a missed target scores 0 points.",
        id="higher-zero-target",
    ),
    pytest.param(
        "100%", D(99), "higher", None,
        "99% is below the target 100% (a single value, read as a minimum for a "
        "higher-is-better indicator): 10 × 99 / 100 = 9.9 of 10 points.",
        id="bare-higher",
    ),
    pytest.param(
        "100%", D(101), "lower", None,
        "101% exceeds the target 100% (a single value, read as a maximum for a "
        "lower-is-better indicator): 10 × 100 / 101 ≈ 9.90 of 10 points.",
        id="bare-lower",
    ),
    pytest.param(
        "≤10天", D(0), None, None,
        "0天 is within the target ≤10天: full weight, 10 points.",
        id="lower-zero",
    ),
    pytest.param(
        "≤10天", D(12), None, None,
        "12天 exceeds the target ≤10天: 10 × 10 / 12 ≈ 8.33 of 10 points.",
        id="lower-ratio",
    ),
    pytest.param(
        "＜10天", D(10), None, None,
        "10天 does not meet the target <10天, which excludes 10天: 10 × 10 / 10 = 10 of 10 points.",
        id="lower-open-at",
    ),
    pytest.param(
        "≤0", D(3), None, None,
        "3 exceeds the target ≤0; weight × target / actual is defined only for a target above 0, "
        "so a missed target scores 0 points.",
        id="lower-zero-target",
    ),
    pytest.param(
        "≤0", D(3), None, LL,
        "3 exceeds the target ≤0; weight × (1 − (actual − target) / target) is defined only for "
        "a target above 0, so a missed target scores 0 points.",
        id="linear-zero-target",
    ),
    pytest.param(
        "≤10天", D(12), None, LL,
        "12天 exceeds the target ≤10天: 10 × (1 − (12 − 10) / 10) = 8 of 10 points.",
        id="linear",
    ),
    pytest.param(
        "≤10天", D(20), None, LL,
        "20天 exceeds the target ≤10天: 10 × (1 − (20 − 10) / 10) = 0 of 10 points.",
        id="linear-twice",
    ),
    pytest.param(
        "≤10天", D(25), None, LL,
        "25天 exceeds the target ≤10天: 10 × (1 − (25 − 10) / 10) = -5, raised to 0 points "
        "(0 at twice the target, 20天, or more).",
        id="linear-beyond",
    ),
    pytest.param(
        "=0", D(0), None, EQ,
        "0 meets the target =0 (with a target of 0, an actual of 0 or less counts): "
        "full weight, 10 points.",
        id="equal-zero-met",
    ),
    pytest.param(
        "=0", D(1), None, EQ,
        "1 is above the target =0: 0 points (with a target of 0, any actual above 0 scores 0).",
        id="equal-zero-missed",
    ),
    pytest.param(
        "=100%", D(99), None, EQ,
        "99% is below the target =100%: 10 × 99 / 100 = 9.9 of 10 points.",
        id="equal-below",
    ),
    pytest.param(
        "≥1", F(1, 3), None, None,
        "≈0.33 is below the target ≥1: 10 × ≈0.33 / 1 ≈ 3.33 of 10 points.",
        id="fraction-actual",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("target", "actual", "direction", "rule", "reason"), REASON_CASES)
def test_reasons(
    target: str, actual: Number, direction: str | None, rule: Rule | None, reason: str
) -> None:
    assert score_target(target, actual, 10, direction=direction, rule=rule).reason == reason


# A bare target with no direction: the name decides, else a minimum.
# target, name, actual, points, whole reason (weight 10)
BARE_CASES = [
    pytest.param(
        "100%",
        "公文差错率",
        D(101),
        F(1000, 101),
        "101% exceeds the target 100% (a single value, read as a maximum: the name 公文差错率 "
        "holds 差错, a lower-is-better word): 10 × 100 / 101 ≈ 9.90 of 10 points.",
        id="name-lower",
    ),
    pytest.param(
        "100%",
        "公文差错率",
        D(100),
        D(10),
        "100% is within the target 100% (a single value, read as a maximum: the name "
        "公文差错率 holds 差错, a lower-is-better word): full weight, 10 points.",
        id="name-lower-at",
    ),
    pytest.param(
        "100%",
        "故障处理及时率",
        D(99),
        D("9.9"),
        "99% is below the target 100% (a single value, read as a minimum: the name "
        "故障处理及时率 holds no lower-is-better word): 10 × 99 / 100 = 9.9 of 10 points.",
        id="higher-word-wins",
    ),
    pytest.param(
        "10天",
        "项目平均办结时间",
        D(12),
        F(25, 3),
        "12天 exceeds the target 10天 (a single value, read as a maximum: the name "
        "项目平均办结时间 holds 办结时间, a lower-is-better word): 10 × 10 / 12 ≈ 8.33 of "
        "10 points.",
        id="time-word",
    ),
    pytest.param(
        "100%",
        "",
        D(99),
        D("9.9"),
        "99% is below the target 100% (a single value, read as a minimum: no direction was "
        "given): 10 × 99 / 100 = 9.9 of 10 points.",
        id="no-name",
    ),
    pytest.param(
        "=100%",
        "公文差错率",
        D(99),
        D("9.9"),
        "99% is below the target =100%: 10 × 99 / 100 = 9.9 of 10 points.",
        id="equals-sign-is-equal-to",
    ),
]


@pytest.mark.parametrize(("target", "name", "actual", "points", "reason"), BARE_CASES)
def test_bare_target_reading(
    target: str, name: str, actual: Decimal, points: Number, reason: str
) -> None:
    score = score_target(target, actual, 10, name=name)
    assert (score.points, score.reason) == (points, reason)


# target, direction, rule, error class, whole message (actual 1, weight 10)
TARGET_ERROR_CASES = [
    pytest.param(
        "[80%,90%)", None, None, kpi.IndicatorError,
        "the target '[80%, 90%)' is not a single bound; scoring needs ≥T, >T, ≤T, <T or a "
        "single value T",
        id="band",
    ),
    pytest.param(
        "1|3", None, None, kpi.IndicatorError,
        "the target '[1, 1] | [3, 3]' is not a single bound; scoring needs ≥T, >T, ≤T, <T or a "
        "single value T",
        id="union",
    ),
    pytest.param(
        "≥95%", "lower", None, kpi.IndicatorError,
        "the target '[95%, +∞)' is a minimum (higher-is-better), but direction 'lower' was given",
        id="minimum-direction-lower",
    ),
    pytest.param(
        "≤10天", "higher", None, kpi.IndicatorError,
        "the target '(-∞, 10天]' is a maximum (lower-is-better), but direction 'higher' was given",
        id="maximum-direction-higher",
    ),
    pytest.param(
        "≥95%", None, LR, kpi.IndicatorError,
        "rule LOWER_RATIO is for lower-is-better targets, but the target '[95%, +∞)' is a minimum",
        id="minimum-lower-rule",
    ),
    pytest.param(
        "≤10天", None, HP, kpi.IndicatorError,
        "rule HIGHER_PROPORTIONAL is for higher-is-better targets, but the target '(-∞, 10天]' "
        "is a maximum",
        id="maximum-higher-rule",
    ),
    pytest.param(
        "≥95%", None, EQ, kpi.IndicatorError,
        "rule EQUAL needs a single-value target such as =100%, not '[95%, +∞)'",
        id="equal-rule-on-minimum",
    ),
    pytest.param(
        "=-1", None, EQ, kpi.IndicatorError,
        "the equal-to rule is defined for a target of 0 or more, not '[-1, -1]'",
        id="equal-negative-target",
    ),
    pytest.param(
        "=5", "lower", EQ, kpi.IndicatorError,
        "the equal-to rule scores a target above 0 as higher-is-better, but direction 'lower' "
        "was given for '[5, 5]'",
        id="equal-lower-direction",
    ),
    pytest.param(
        "5", "lower", HP, kpi.IndicatorError,
        "rule HIGHER_PROPORTIONAL is for higher-is-better targets, but direction 'lower' was "
        "given for '[5, 5]'",
        id="bare-rule-direction-conflict",
    ),
    pytest.param(
        "≥5", None, Rule.QUALITATIVE, kpi.IndicatorError,
        "rule QUALITATIVE scores a level or a grade, not a numeric target; use "
        "score_qualitative or score_grade",
        id="qualitative-rule",
    ),
    pytest.param(
        "达到预期", None, None, kpi.IndicatorError,
        "the target '达到预期' is qualitative; it is scored by the level of the actual "
        "(达成/部分达成/未达成), not by a number",
        id="label-target",
    ),
    pytest.param(
        "—", None, None, kpi.UngradableError,
        "the target is empty, so no score can be given",
        id="empty-target",
    ),
    pytest.param(
        "≥5", "up", None, kpi.PolicyError,
        "direction must be 'higher' or 'lower', not 'up'",
        id="unknown-direction",
    ),
    pytest.param(
        "≥5", kpi.Direction.TARGET_BAND, None, kpi.PolicyError,
        "direction must be 'higher' or 'lower', not <Direction.TARGET_BAND: 'target band'>",
        id="band-direction",
    ),
    pytest.param(
        "≥5", None, "best", kpi.PolicyError,
        "rule must be one of HIGHER_PROPORTIONAL, LOWER_RATIO, LOWER_LINEAR, EQUAL, "
        "QUALITATIVE, TIERED, not 'best'",
        id="unknown-rule",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("target", "direction", "rule", "error", "message"), TARGET_ERROR_CASES)
def test_target_errors(
    target: str,
    direction: str | kpi.Direction | None,
    rule: Rule | str | None,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error) as info:
        score_target(target, D(1), D(10), direction=direction, rule=rule)
    assert str(info.value) == message
    assert isinstance(info.value, kpi.KpiError)


# actual, weight, error class, whole message (target ≥95)
VALUE_ERROR_CASES = [
    pytest.param(
        None, 10, kpi.ValueTypeError,
        "the actual value must be a Decimal, a Fraction, an int or a float, not NoneType None",
        id="actual-none",
    ),
    pytest.param(
        True, 10, kpi.ValueTypeError,
        "the actual value must be a Decimal, a Fraction, an int or a float, not bool True",
        id="actual-bool",
    ),
    pytest.param(
        "95%", 10, kpi.ValueTypeError,
        "the actual value must be a Decimal, a Fraction, an int or a float, not str '95%'",
        id="actual-text",
    ),
    pytest.param(
        float("nan"), 10, kpi.ValueReadError,
        "the actual value must be a finite number, not nan",
        id="actual-nan",
    ),
    pytest.param(
        D("Infinity"), 10, kpi.ValueReadError,
        "the actual value must be a finite number, not Decimal('Infinity')",
        id="actual-infinite",
    ),
    pytest.param(
        D(1), -1, kpi.IndicatorError,
        "a weight must be 0 or more, not -1",
        id="weight-negative",
    ),
    pytest.param(
        D(1), True, kpi.ArgumentTypeError,
        "a weight must be a Decimal, a Fraction, an int or a float, not bool True",
        id="weight-bool",
    ),
    pytest.param(
        D(1), float("inf"), kpi.ValueReadError,
        "a weight must be a finite number, not inf",
        id="weight-infinite",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("actual", "weight", "error", "message"), VALUE_ERROR_CASES)
def test_value_errors(actual: object, weight: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        score_target("≥95", actual, weight)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_target_of_another_type_is_refused() -> None:
    with pytest.raises(kpi.ArgumentTypeError) as info:
        score_target(95, D(1), D(10))  # type: ignore[arg-type]
    assert str(info.value) == "a target is a Threshold or its text, not int 95"


# ---------------------------------------------------------------- fractions

FRACTIONS_DEFAULTS = {
    "achieved": D(1),
    "partly_achieved": D("0.8"),
    "not_achieved": D("0.6"),
    "excellent": D("1.0"),
    "good": D("0.8"),
    "fair": D("0.6"),
    "poor": D(0),
}


def test_fractions_defaults() -> None:
    fractions = Fractions()
    for name, value in FRACTIONS_DEFAULTS.items():
        assert same(getattr(fractions, name), value), name


def test_fractions_are_frozen_and_compare_by_value() -> None:
    assert Fractions(good=D("0.8")) == Fractions()
    assert Fractions(good=0.85).good == D("0.85")
    assert Fractions(fair=F(2, 3)).fair == F(2, 3)
    with pytest.raises(AttributeError):
        Fractions().good = D(1)  # type: ignore[misc]


# keyword arguments, error class, whole message
FRACTIONS_ERROR_CASES = [
    pytest.param(
        {"achieved": D("1.01")}, kpi.IndicatorError,
        "Fractions.achieved (达成) must be between 0 and 1, not 1.01",
        id="above-one",
    ),
    pytest.param(
        {"poor": D("-0.1")}, kpi.IndicatorError,
        "Fractions.poor (差) must be between 0 and 1, not -0.1",
        id="below-zero",
    ),
    pytest.param(
        {"good": float("nan")}, kpi.ValueReadError,
        "Fractions.good (良) must be a finite number, not nan",
        id="nan",
    ),
    pytest.param(
        {"partly_achieved": D("0.9"), "achieved": D("0.85")}, kpi.IndicatorError,
        "Fractions.partly_achieved (部分达成) is 0.9, more than Fractions.achieved (达成), 0.85: "
        "a worse level must not earn more",
        id="partly-above-achieved",
    ),
    pytest.param(
        {"not_achieved": D("0.9")}, kpi.IndicatorError,
        "Fractions.not_achieved (未达成) is 0.9, more than Fractions.partly_achieved (部分达成), "
        "0.8: a worse level must not earn more",
        id="not-above-partly",
    ),
    pytest.param(
        {"good": D("0.5"), "fair": D("0.7")}, kpi.IndicatorError,
        "Fractions.fair (中) is 0.7, more than Fractions.good (良), 0.5: "
        "a worse level must not earn more",
        id="fair-above-good",
    ),
    pytest.param(
        {"poor": D("0.7")}, kpi.IndicatorError,
        "Fractions.poor (差) is 0.7, more than Fractions.fair (中), 0.6: "
        "a worse level must not earn more",
        id="poor-above-fair",
    ),
    pytest.param(
        {"good": "0.8"}, kpi.ArgumentTypeError,
        "Fractions.good (良) must be a Decimal, a Fraction, an int or a float, not str '0.8'",
        id="text",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("kwargs", "error", "message"), FRACTIONS_ERROR_CASES)
def test_fractions_validation(
    kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error) as info:
        Fractions(**kwargs)  # type: ignore[arg-type]
    assert str(info.value) == message


def test_equal_fractions_are_allowed() -> None:
    flat = Fractions(achieved=1, partly_achieved=1, not_achieved=1, good=1, fair=1, poor=1)
    assert flat.for_level("未达成") == 1
    assert flat.for_grade(Grade.差) == 1


# ---------------------------------------------------------------- qualitative levels

ANHUI = Fractions(achieved=D("0.9"), partly_achieved=D("0.7"), not_achieved=D("0.3"))

# level as given, fractions, weight, expected points, met
QUALITATIVE_CASES = [
    pytest.param("达成", None, D(10), D(10), True, id="achieved"),
    pytest.param("部分达成", None, D(10), D(8), False, id="partly"),
    pytest.param("未达成", None, D(10), D(6), False, id="not"),
    pytest.param(" 部分 达成\n", None, D(10), D(8), False, id="spaces"),
    pytest.param("\u3000未达成\u3000", None, D(10), D(6), False, id="ideographic-spaces"),
    pytest.param("达成年度指标", None, D(10), D(10), True, id="central-wording"),
    pytest.param(
        "部分达成年度指标并具有一定效果", None, D(10), D(8), False, id="central-wording-partly"
    ),
    pytest.param("达成", None, D("7.5"), D("7.5"), True, id="weight-7.5"),
    pytest.param("部分达成", None, F(10, 3), F(8, 3), False, id="fraction-weight"),
    pytest.param("达成", ANHUI, D(10), D(9), True, id="anhui-achieved"),
    pytest.param("部分达成", ANHUI, D(10), D(7), False, id="anhui-partly"),
    pytest.param("未达成", ANHUI, D(10), D(3), False, id="anhui-not"),
    pytest.param("未达成", None, D(0), D(0), False, id="zero-weight"),
]


@pytest.mark.parametrize(("level", "fractions", "weight", "points", "met"), QUALITATIVE_CASES)
def test_score_qualitative(
    level: str, fractions: Fractions | None, weight: Number, points: Number, met: bool
) -> None:
    score = (
        score_qualitative(level, weight, fractions)
        if fractions
        else score_qualitative(level, weight)
    )
    assert same(score.points, points), score.points
    assert score.rule is Rule.QUALITATIVE
    assert score.reading is None
    assert score.met is met


def test_qualitative_reason() -> None:
    assert score_qualitative("部分达成", 10).reason == (
        "level 部分达成 earns 0.8 of the weight: 10 × 0.8 = 8 of 10 points."
    )
    assert score_qualitative("部分达成", D(10), Fractions(partly_achieved=F(2, 3))).reason == (
        "level 部分达成 earns 2/3 of the weight: 10 × 2/3 ≈ 6.67 of 10 points."
    )


def test_unknown_level_lists_the_levels() -> None:
    with pytest.raises(kpi.LabelError) as info:
        score_qualitative("完成", 10)
    assert (
        str(info.value)
        == "'完成' is not a qualitative level; expected one of 达成, 部分达成, 未达成"
    )


def test_level_must_be_text() -> None:
    with pytest.raises(kpi.ArgumentTypeError) as info:
        score_qualitative(1, 10)  # type: ignore[arg-type]
    assert str(info.value) == "a qualitative level is a str, not int 1"


# ---------------------------------------------------------------- grades of tiered indicators

# grade, fractions, weight, expected points
GRADE_CASES = [
    pytest.param(Grade.优, None, D(10), D(10), id="excellent"),
    pytest.param(Grade.良, None, D(10), D(8), id="good"),
    pytest.param(Grade.中, None, D(10), D(6), id="fair"),
    pytest.param(Grade.差, None, D(10), D(0), id="poor"),
    pytest.param(Grade.GOOD, None, D(5), D(4), id="english-alias"),
    pytest.param(Grade.中, None, D(7), D("4.2"), id="weight-7"),
    pytest.param(CompetenceGrade.称职, None, D(10), D(8), id="competence-by-rank"),
    pytest.param(Grade.良, Fractions(good=D("0.85")), D(10), D("8.5"), id="configured-good"),
    pytest.param(Grade.差, Fractions(poor=D("0.3")), D(10), D(3), id="configured-poor"),
    pytest.param(Grade.中, Fractions(fair=F(2, 3)), D(10), F(20, 3), id="fraction-fair"),
]


@pytest.mark.parametrize(("grade", "fractions", "weight", "points"), GRADE_CASES)
def test_score_grade(
    grade: kpi.ScaleGrade, fractions: Fractions | None, weight: Number, points: Number
) -> None:
    score = score_grade(grade, weight, fractions)
    assert same(score.points, points), score.points
    assert score.rule is Rule.TIERED
    assert score.reading is None
    assert score.met is None


def test_grade_reason() -> None:
    assert score_grade(Grade.中, D(10)).reason == (
        "grade 中 earns 0.6 of the weight: 10 × 0.6 = 6 of 10 points."
    )


def test_grade_of_a_three_grade_scale_is_refused() -> None:
    stars = kpi.make_scale("Stars", ["三星", "二星", "一星"])
    with pytest.raises(kpi.IndicatorError) as info:
        score_grade(stars.grades()[0], 10)
    assert str(info.value) == (
        "Fractions maps the grades of a four-grade scale (优/良/中/差); "
        "Stars.三星 is of a scale of 3: 三星/二星/一星"
    )


def test_grade_must_be_a_grade() -> None:
    with pytest.raises(kpi.ArgumentTypeError) as info:
        score_grade("优", 10)  # type: ignore[arg-type]
    assert str(info.value) == "expected a grade such as Grade.优, not str '优'"


# ---------------------------------------------------------------- scores


def test_score_rounds_half_away_from_zero_for_display_only() -> None:
    score = Score(D("0.125"), D(10), HP, "minimum", "r", met=False)
    assert score.rounded() == D("0.13")
    assert score.rounded(1) == D("0.1")
    assert score.points == D("0.125")
    assert str(score_target("≥3", 1, 10)) == (
        "3.33 of 10: 1 is below the target ≥3: 10 × 1 / 3 ≈ 3.33 of 10 points."
    )


def test_rule_names_in_output() -> None:
    assert str(HP) == "higher-is-better: weight × actual / target"
    assert str(LR) == "lower-is-better: weight × target / actual"
    assert str(LL) == (
        "lower-is-better linear: weight × (1 − (actual − target) / target), 0 at twice the target"
    )


# ---------------------------------------------------------------- national grade

# total, grade on the bands of 财预〔2020〕10号
NATIONAL_CASES = [
    pytest.param(D(0), Grade.差, id="0"),
    pytest.param(D("59.99"), Grade.差, id="59.99"),
    pytest.param(F(5999999, 100000), Grade.差, id="59.99999"),
    pytest.param(D(60), Grade.中, id="60"),
    pytest.param(D("60.00"), Grade.中, id="60.00"),
    pytest.param(D("79.99"), Grade.中, id="79.99"),
    pytest.param(D(80), Grade.良, id="80"),
    pytest.param(D("89.99"), Grade.良, id="89.99"),
    pytest.param(D("89.999999"), Grade.良, id="89.999999"),
    pytest.param(F(179, 2), Grade.良, id="89.5-fraction"),
    pytest.param(D(90), Grade.优, id="90"),
    pytest.param(90, Grade.优, id="90-int"),
    pytest.param(D(100), Grade.优, id="100"),
    pytest.param(59.999, Grade.差, id="59.999-float"),
]


@pytest.mark.parametrize(("total", "expected"), NATIONAL_CASES)
def test_national_grade(total: Number | int | float, expected: Grade) -> None:
    assert national_grade(total) is expected


def test_national_bands_are_written_in_the_threshold_language() -> None:
    assert NATIONAL_BANDS == {"优": "≥90", "良": "[80,90)", "中": "[60,80)", "差": "＜60"}
    tiers = {str(g): str(t) for g, t in national_bands().tiers.items()}
    assert tiers == {"优": "[90, +∞)", "良": "[80, 90)", "中": "[60, 80)", "差": "(-∞, 60)"}
    edges = [str(e) for e in national_bands().edges()]
    assert edges == [
        "60: 差 below, 中 at, 中 above",
        "80: 中 below, 良 at, 良 above",
        "90: 良 below, 优 at, 优 above",
    ]


# total, error class, whole message
NATIONAL_ERROR_CASES = [
    pytest.param(
        D("-0.01"), kpi.ValueReadError,
        "a total on the 100-point scale of 财预〔2020〕10号 lies in [0,100], not -0.01",
        id="below-0",
    ),
    pytest.param(
        D("100.01"), kpi.ValueReadError,
        "a total on the 100-point scale of 财预〔2020〕10号 lies in [0,100], not 100.01",
        id="above-100",
    ),
    pytest.param(
        None, kpi.ValueTypeError,
        "a total must be a Decimal, a Fraction, an int or a float, not NoneType None",
        id="none",
    ),
    pytest.param(
        D("NaN"), kpi.ValueReadError, "a total must be a finite number, not Decimal('NaN')",
        id="nan",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("total", "error", "message"), NATIONAL_ERROR_CASES)
def test_national_grade_errors(total: object, error: type[Exception], message: str) -> None:
    with pytest.raises(error) as info:
        national_grade(total)  # type: ignore[arg-type]
    assert str(info.value) == message


# ---------------------------------------------------------------- properties

# Bounds and actuals lean on 0, the bound itself and small numbers, where the edge cases are.
numbers = st.one_of(
    st.sampled_from([D(0), D(1), D(-1), D("0.01"), D(10), D(95), D(100)]),
    st.decimals(min_value=-1000, max_value=1000, places=3, allow_nan=False, allow_infinity=False),
    st.fractions(min_value=-1000, max_value=1000, max_denominator=50),
)
weights = st.one_of(
    st.sampled_from([D(0), D(10), D(100)]),
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.fractions(min_value=0, max_value=100, max_denominator=12),
)


@st.composite
def targets(draw: st.DrawFn) -> tuple[kpi.Threshold, str | None, Rule | None, str]:
    """A target, the direction and rule to score it with, and which way points must move."""
    bound = draw(numbers)
    shape = draw(st.sampled_from(["≥", ">", "≤", "<", "point-higher", "point-lower", "equal"]))
    if shape == "equal":
        bound = abs(F(bound))
        interval = kpi.Interval.point(bound)
        return kpi.Threshold((interval,)), None, EQ, "higher" if bound > 0 else "lower"
    kind = {"≥": ">=", ">": ">", "≤": "<=", "<": "<"}.get(shape, "=")
    threshold = kpi.Threshold((kpi.Interval.compare(kind, bound),))
    side = "higher" if shape in ("≥", ">", "point-higher") else "lower"
    direction = side if shape.startswith("point") else None
    rule = draw(st.sampled_from([None, LL])) if side == "lower" else None
    return threshold, direction, rule, side


SOME = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SOME
@given(targets(), numbers, weights)
def test_points_lie_between_zero_and_the_weight(
    target: tuple[kpi.Threshold, str | None, Rule | None, str], actual: Number, weight: Number
) -> None:
    threshold, direction, rule, _ = target
    score = score_target(threshold, actual, weight, direction=direction, rule=rule)
    assert 0 <= score.points <= weight
    assert isinstance(score.points, Decimal | Fraction)
    assert score.met is not None
    if score.met:
        assert score.points == weight


@SOME
@given(targets(), numbers, numbers, weights)
def test_points_are_monotone_in_the_actual(
    target: tuple[kpi.Threshold, str | None, Rule | None, str],
    a: Number,
    b: Number,
    weight: Number,
) -> None:
    threshold, direction, rule, side = target
    low, high = sorted((a, b))
    at_low = score_target(threshold, low, weight, direction=direction, rule=rule).points
    at_high = score_target(threshold, high, weight, direction=direction, rule=rule).points
    if side == "higher":
        assert at_low <= at_high
    else:
        assert at_low >= at_high


@st.composite
def fractions_objects(draw: st.DrawFn) -> Fractions:
    unit = st.fractions(min_value=0, max_value=1, max_denominator=20)
    levels = sorted((draw(unit) for _ in range(3)), reverse=True)
    grades = sorted((draw(unit) for _ in range(4)), reverse=True)
    return Fractions(
        achieved=levels[0],
        partly_achieved=levels[1],
        not_achieved=levels[2],
        excellent=grades[0],
        good=grades[1],
        fair=grades[2],
        poor=grades[3],
    )


@SOME
@given(fractions_objects(), weights, st.sampled_from(["达成", "部分达成", "未达成"]))
def test_qualitative_points_lie_between_zero_and_the_weight(
    fractions: Fractions, weight: Number, level: str
) -> None:
    points = score_qualitative(level, weight, fractions).points
    assert 0 <= points <= weight
    assert points == F(weight) * F(fractions.for_level(level))


@SOME
@given(fractions_objects(), weights)
def test_grade_points_fall_with_the_grade(fractions: Fractions, weight: Number) -> None:
    points = [score_grade(g, weight, fractions).points for g in Grade.grades()]
    assert all(0 <= p <= weight for p in points)
    assert points == sorted(points, reverse=True)


@SOME
@given(st.decimals(min_value=0, max_value=100, places=4, allow_nan=False, allow_infinity=False))
def test_national_grade_agrees_with_the_bands(total: Decimal) -> None:
    # the (含) wording of 财预〔2020〕10号, restated in plain comparisons
    expected = (
        Grade.优
        if total >= 90
        else Grade.良
        if total >= 80
        else Grade.中
        if total >= 60
        else Grade.差
    )
    assert national_grade(total) is expected
