"""The compiled fast path (kpi.compiled, kpi.grade) gives exactly the grade
of the exact path (kpi.evaluate), for floats, ints, Decimals and texts at,
next to and between every edge."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpi
import kpi.strategies as ks
from kpi import GapPolicy
from kpi.evaluation import fast_grade

SOME = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def outcome(ind: kpi.Indicator, value: object, policy: GapPolicy) -> object:
    """The grade, or the class and message of the error."""
    try:
        return kpi.grade(ind, value, gap=policy)  # type: ignore[arg-type]
    except kpi.KpiError as exc:
        return type(exc), str(exc)


def exact(ind: kpi.Indicator, value: object, policy: GapPolicy) -> object:
    try:
        return kpi.evaluate(ind, value, gap=policy).grade  # type: ignore[arg-type]
    except kpi.KpiError as exc:
        return type(exc), str(exc)


def near(point: Fraction) -> list[float]:
    """The float of *point* and its four neighbours on each side."""
    middle = float(point)
    out = [middle]
    up = down = middle
    for _ in range(4):
        up = math.nextafter(up, math.inf)
        down = math.nextafter(down, -math.inf)
        out += [up, down]
    return out


@SOME
@given(data=st.data())
def test_floats_at_and_next_to_every_edge(data: st.DataObject) -> None:
    ind = data.draw(ks.indicators(), label="indicator")
    policy = data.draw(st.sampled_from(list(GapPolicy)), label="policy")
    for edge in ind.edges(policy):
        for v in near(edge.value):
            assert outcome(ind, v, policy) == exact(ind, v, policy), (edge, v)


@SOME
@given(data=st.data())
def test_values_between_edges_in_every_form(data: st.DataObject) -> None:
    ind = data.draw(ks.indicators(), label="indicator")
    policy = data.draw(st.sampled_from(list(GapPolicy)), label="policy")
    x = data.draw(ks.values_at_edges(ind, policy), label="x")
    forms: list[object] = [x, float(x)]
    decimal = kpi.exact.as_decimal(x)
    if decimal is not None:
        unit = ind.unit.word if ind.unit else ""
        forms += [decimal, f"{kpi.exact.format_number(decimal)}{unit}"]
        if x == int(x):
            forms.append(int(x))
    for value in forms:
        assert outcome(ind, value, policy) == exact(ind, value, policy), value


# value, grade on 案件调解率: floats are read as the decimal they show
FLOAT_CASES = [
    (90.0, kpi.Grade.优),
    (89.99999999999999, kpi.Grade.良),
    (0.1 + 0.2, kpi.Grade.差),  # 0.30000000000000004, far from every edge
    (80, kpi.Grade.良),
    (2**60, kpi.Grade.优),
    ("89.5%", kpi.Grade.良),
    ("90", kpi.Grade.优),
    ("89.999999999999999999%", kpi.Grade.良),
    (Decimal("59.99"), kpi.Grade.差),
    (Fraction(179, 2), kpi.Grade.良),
]


@pytest.mark.parametrize(("value", "expected"), FLOAT_CASES)
def test_known_values(value: object, expected: kpi.Grade) -> None:
    ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
    assert kpi.grade(ind, value) is expected  # type: ignore[arg-type]
    assert kpi.evaluate(ind, value).grade is expected  # type: ignore[arg-type]


# texts the fast path leaves to the threshold language
SLOW_TEXTS = ["96.5 %", "９６.５%", "96.5‰", "+96", ".5", "1e2", "九十", "96.5%以上", ""]


@pytest.mark.parametrize("text", SLOW_TEXTS)
def test_other_texts_take_the_exact_path(text: str) -> None:
    ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
    assert fast_grade(ind, text) is None


def test_gap_error_still_raises() -> None:
    ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap="error")
    with pytest.raises(kpi.GapError):
        kpi.grade(ind, 89.5)
    with pytest.raises(kpi.ValueReadError):
        kpi.grade(ind, math.nan)
    with pytest.raises(kpi.ValueTypeError):
        kpi.grade(ind, True)
