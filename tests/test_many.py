"""kpi.grade_many: the grades of many values, in the shape they came in,
exactly those kpi.grade gives one by one."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pandas as pd
import polars as pl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpi
import kpi.strategies as ks
from kpi import GapPolicy, Grade

MEDIATION = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
SOME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def one_by_one(ind: kpi.Indicator, values: list[float], policy: GapPolicy) -> list[object]:
    out: list[object] = []
    for v in values:
        if math.isnan(v):
            out.append(None)
            continue
        try:
            out.append(kpi.grade(ind, v, gap=policy))
        except kpi.GapError:
            out.append(None)
    return out


def near(points: list[float]) -> list[float]:
    out: list[float] = []
    for p in points:
        up = down = p
        out.append(p)
        for _ in range(3):
            up, down = math.nextafter(up, math.inf), math.nextafter(down, -math.inf)
            out += [up, down]
    return out


@SOME
@given(data=st.data())
def test_arrays_equal_grading_one_by_one(data: st.DataObject) -> None:
    ind = data.draw(ks.indicators(), label="indicator")
    policy = data.draw(st.sampled_from(list(GapPolicy)), label="policy")
    points = [float(e.value) for e in ind.edges(policy)]
    others = data.draw(st.lists(st.floats(-1e6, 1e6) | st.just(math.nan), max_size=20))
    values = near(points) + others
    expected = one_by_one(ind, values, policy)
    assert list(kpi.grade_many(ind, np.array(values), gap=policy)) == expected
    assert kpi.grade_many(ind, values, gap=policy) == expected


def test_shapes_and_kinds() -> None:
    grid = kpi.grade_many(MEDIATION, np.array([[95, 89.5], [math.nan, 90.0]]))
    assert grid.shape == (2, 2)
    assert grid.tolist() == [[Grade.优, Grade.良], [None, Grade.优]]
    assert kpi.grade_many(MEDIATION, np.array([1, 80, 2**60])).tolist() == [
        Grade.差,
        Grade.良,
        Grade.优,
    ]
    assert kpi.grade_many(MEDIATION, (95, "89.5%", Decimal("59.99"), None)) == [
        Grade.优,
        Grade.良,
        Grade.差,
        None,
    ]
    texts = kpi.grade_many(MEDIATION, np.array(["95%", "2", "80"]))
    assert texts.tolist() == [Grade.优, Grade.差, Grade.良]


def test_pandas_series_gives_an_ordered_categorical() -> None:
    series = pd.Series([95, 89.5, None, 59.99], index=list("abcd"), name="调解率")
    grades = kpi.grade_many(MEDIATION, series)
    assert list(grades.index) == list("abcd")
    assert grades.name == "调解率"
    assert grades.cat.ordered
    assert list(grades.cat.categories) == ["差", "中", "良", "优"]
    assert grades.astype(object).where(grades.notna(), None).tolist() == ["优", "良", None, "差"]
    assert (grades > "中").tolist() == [True, True, False, False]
    text = kpi.grade_many(MEDIATION, pd.Series(["95%", None, "61%"]))
    assert text.astype(object).where(text.notna(), None).tolist() == ["优", None, "中"]


def test_polars_series_gives_an_enum() -> None:
    grades = kpi.grade_many(MEDIATION, pl.Series("调解率", [95.0, None, 60.0]))
    assert grades.name == "调解率"
    assert grades.dtype == pl.Enum(["差", "中", "良", "优"])
    assert grades.to_list() == ["优", None, "中"]


def test_gap_error_gives_no_grade_and_other_errors_raise() -> None:
    strict = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], gap="error")
    assert kpi.grade_many(strict, [89.5, 95]) == [None, Grade.优]
    assert kpi.grade_many(strict, np.array([89.5, 95])).tolist() == [None, Grade.优]
    with pytest.raises(kpi.UnitMismatchError):
        kpi.grade_many(MEDIATION, ["3天"])
    with pytest.raises(kpi.ValueReadError):
        kpi.grade_many(MEDIATION, np.array([math.inf]))


def test_not_a_collection_is_refused() -> None:
    with pytest.raises(kpi.ArgumentTypeError) as caught:
        kpi.grade_many(MEDIATION, "95%")
    assert str(caught.value) == (
        "grade_many takes a sequence, a numpy array or a pandas or polars Series of values, not str"
    )
