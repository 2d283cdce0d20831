"""Scores by region (``kpi.region_scores``) are the scores of ``kpi.score``:
the same reason, value, grade, points, rule, reading and warnings for every
value, at, next to and between the end points of every tiered indicator of
the seed, and whole report rows are the same with and without them."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from kpi.actuals import Actual
from kpi.demo import seed_path
from kpi.exact import format_number
from kpi.policy import GapPolicy
from kpi.region_scores import RegionScores, Scored
from kpi.report import Grading, _row
from kpi.scoring import default_fractions

SEED = kpi.read_rubric(seed_path())
TIERED = [e.indicator for e in SEED.entries if e.indicator.fast().numeric]
WEIGHT = Decimal("7.5")

# Indicators of the shapes the seed does not have: gaps under every policy,
# overlaps, a unit the values convert from, no unit at all.
OTHERS = [
    kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap=policy)
    for policy in GapPolicy
] + [
    kpi.Indicator("办结时限（小时）", ["＜24", "[24,48)", "[48,72]", ">72"]),
    kpi.Indicator("培训人次", ["≥100", "≥80", "[50,80)", "<50"]),
    kpi.Indicator("覆盖率", {"优": "≥90%", "良": "[80%,95%]", "中": "[60%,85%]", "差": "<60%"}),
]
INDICATORS = TIERED + OTHERS


def expected(indicator: kpi.Indicator, text: str) -> Scored | None:
    """What kpi.score says, as the fields a report row takes; None on an error."""
    try:
        found = kpi.score(indicator, text, weight=WEIGHT)
    except kpi.KpiError:
        return None
    assert found.grade is not None
    return Scored(
        found.reason,
        str(found.value),
        found.grade,
        found.points,
        found.rule,
        found.reading,
        found.warnings,
    )


def edges(indicator: kpi.Indicator) -> list[Fraction]:
    """The end points of every gap policy's regions of *indicator*."""
    return sorted({p for policy in GapPolicy for p in indicator.fast(policy).segments.points})


@st.composite
def values(draw: st.DrawFn, indicator: kpi.Indicator) -> str:
    """A value text at, next to or between the end points of *indicator*."""
    points = edges(indicator) or [Fraction(0)]
    point = draw(st.sampled_from(points))
    steps = [Fraction(0), Fraction(0), Fraction(1, 10), Fraction(1, 100), Fraction(1, 10**12)]
    step = draw(st.sampled_from([*steps, Fraction(7)]))
    number = point + draw(st.sampled_from([-1, 1])) * step
    shown = format_number(number) if number.denominator in (1, 10, 100, 10**12) else "1"
    unit = indicator.unit.word if indicator.unit else ""
    return draw(
        st.sampled_from(
            [
                shown + unit,
                shown,  # a bare number: read in the indicator's unit, maybe with a warning
                f"{shown}.0{unit}" if "." not in shown else f"{shown}0{unit}",
                f"0{shown}{unit}",
                f" {shown}{unit} ",
                shown.translate(str.maketrans("0123456789.%", "０１２３４５６７８９．％")) + unit,
                f"{shown}‰" if unit == "%" else f"{shown}天" if unit == "小时" else shown,
                "较好完成",
                "",
            ]
        )
    )


@settings(max_examples=600, deadline=None)
@given(data=st.data(), index=st.integers(0, len(INDICATORS) - 1))
def test_same_as_score(data: st.DataObject, index: int) -> None:
    indicator = INDICATORS[index]
    regions = RegionScores(default_fractions(), None)
    texts = data.draw(st.lists(values(indicator), min_size=1, max_size=6))
    for text in texts:  # later texts of a region reuse the first one's outcome
        found = regions.score(0, indicator, text, WEIGHT)
        if found is not None:
            assert found == expected(indicator, text), text


@pytest.mark.parametrize("indicator", INDICATORS, ids=lambda i: i.name)
def test_each_region_is_scored_once(indicator: kpi.Indicator) -> None:
    regions = RegionScores(default_fractions(), None)
    texts = [
        f"{format_number(p + d)}{indicator.unit.word if indicator.unit else ''}"
        for p in edges(indicator)
        for d in (Fraction(-1, 10), 0, Fraction(1, 10))
    ]
    for _ in range(3):
        for text in texts:
            found = regions.score(0, indicator, text, WEIGHT)
            assert found == expected(indicator, text), text
    assert regions.scored <= len(indicator.fast().segments.points) * 2 + 1


def test_other_values_take_the_full_path() -> None:
    indicator = OTHERS[0]
    regions = RegionScores(default_fractions(), None)
    for value in ["较好完成", "", "abc%", 95, 95.0, Decimal("95"), "95天"]:
        assert regions.score(0, indicator, value, WEIGHT) is None
    assert regions.scored == 0
    qualitative = kpi.Indicator("服务质量", ["圆满完成", "较好完成", "基本完成", "未完成"])
    assert regions.score(0, qualitative, "较好完成", WEIGHT) is None


def test_gap_error_takes_the_full_path() -> None:
    strict = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap="error")
    regions = RegionScores(default_fractions(), None)
    assert regions.score(0, strict, "89.5%", WEIGHT) is None
    assert regions.score(0, strict, "85%", WEIGHT) == expected(strict, "85%")


def test_a_reason_that_does_not_start_with_the_value_is_not_reused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kpi.region_scores

    real = kpi.score

    def reworded(*args: object, **kwargs: object) -> kpi.Score:
        found = real(*args, **kwargs)  # type: ignore[arg-type]
        return kpi.Score(
            found.points,
            found.weight,
            found.rule,
            found.reading,
            "Reworded: " + found.reason,
            grade=found.grade,
        )

    monkeypatch.setattr(kpi.region_scores, "score", reworded)
    regions = RegionScores(default_fractions(), None)
    indicator = OTHERS[0]
    assert regions.score(0, indicator, "85%", WEIGHT) is None
    assert regions.score(0, indicator, "86%", WEIGHT) is None
    assert regions.scored == 1  # the region is remembered as one for the full path


@settings(max_examples=300, deadline=None)
@given(data=st.data(), index=st.integers(0, len(SEED.entries) - 1))
def test_rows_are_the_same(data: st.DataObject, index: int) -> None:
    grading = Grading.of(SEED)
    entry = SEED.entries[index]
    indicator = entry.indicator
    text = data.draw(values(indicator) if indicator.fast().numeric else st.just("较好完成"))
    actual = Actual(entry.name, text, "局机关", "备注", kpi.Location("actuals.csv", row=2))
    weight = grading.weights[index]
    slow = _row(
        "局机关", entry, grading.targets[index], actual, weight, grading.fractions, grading.gap
    )
    assert grading.row("局机关", index, actual) == slow
    assert grading.row("局机关", index, actual) == slow  # from the region, the second time
