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


FEEDBACK = kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"])


def expected_grades(ind: kpi.Indicator, array: np.ndarray) -> list[object]:
    """kpi.grade of each value of *array* one by one, in C order."""
    out: list[object] = []
    for v in array.reshape(-1).tolist():
        if isinstance(v, float) and math.isnan(v):
            out.append(None)
            continue
        try:
            out.append(kpi.grade(ind, v))
        except kpi.GapError:
            out.append(None)
    return out


@pytest.mark.parametrize("ind", [MEDIATION, FEEDBACK], ids=["mediation", "feedback"])
def test_many_repeated_values_on_the_edges(ind: kpi.Indicator) -> None:
    rng = np.random.default_rng(2018)
    spread = np.round(rng.uniform(50.0, 100.0, 20_000), 1)
    edges = [float(e.value) for e in ind.edges()]
    spread[::5] = rng.choice(near(edges), len(spread[::5]))
    grades = kpi.grade_many(ind, spread)
    assert grades.dtype == object
    assert grades.tolist() == expected_grades(ind, spread)
    codes = kpi.grade_many(ind, pd.Series(spread))
    assert codes.astype(object).tolist() == [str(g) for g in expected_grades(ind, spread)]


def test_each_distinct_value_next_to_an_edge_is_decided_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import kpi.many

    decided: list[float] = []
    edge = kpi.many._edge

    def counting(ind: kpi.Indicator, fast: object, value: float, gap: object) -> object:
        decided.append(value)
        return edge(ind, fast, value, gap)  # type: ignore[arg-type]

    monkeypatch.setattr(kpi.many, "_edge", counting)
    values = np.array([60.0, 90.0, 80.0, 95.0] * 1000 + [math.nextafter(90.0, 0.0)] * 7)
    grades = kpi.grade_many(FEEDBACK, values)
    assert sorted(decided) == [60.0, 80.0, math.nextafter(90.0, 0.0), 90.0]
    assert grades.tolist() == expected_grades(FEEDBACK, values)


def test_nan_among_values_on_the_edges_gives_none() -> None:
    values = np.array([math.nan, 60.0, 90.0, math.nan, 59.9, 80.0, math.nan, 100.0])
    grades = kpi.grade_many(FEEDBACK, values)
    assert grades.tolist() == [None, Grade.中, Grade.优, None, Grade.差, Grade.良, None, Grade.优]
    series = kpi.grade_many(FEEDBACK, pd.Series(values))
    assert series.isna().tolist() == [True, False, False, True, False, False, True, False]
    assert kpi.grade_many(FEEDBACK, np.full(5, math.nan)).tolist() == [None] * 5


@pytest.mark.parametrize("infinity", [math.inf, -math.inf])
def test_an_infinity_among_other_values_is_refused(infinity: float) -> None:
    values = np.array([60.0, math.nan, 90.0, infinity, 70.0])
    with pytest.raises(kpi.ValueReadError):
        kpi.grade_many(FEEDBACK, values)
    with pytest.raises(kpi.ValueReadError):
        kpi.grade_many(FEEDBACK, pd.Series(values))


def test_arrays_of_any_shape_and_layout() -> None:
    rng = np.random.default_rng(7)
    values = rng.choice([math.nan, 59.9, 60.0, 79.5, 80.0, 89.0, 89.5, 90.0, 99.0], 4 * 6 * 5)
    cube = values.reshape(4, 6, 5)
    for array in (
        cube,
        cube[:, ::2, 1:],  # not contiguous
        np.asfortranarray(cube[0]),
        cube[1].T,
        cube[2, 3],
    ):
        grades = kpi.grade_many(MEDIATION, array)
        assert grades.shape == array.shape
        assert grades.reshape(-1).tolist() == expected_grades(MEDIATION, array)
    scalar = kpi.grade_many(MEDIATION, np.array(90.0))
    assert scalar.shape == ()
    assert scalar.item() is Grade.优
    empty = kpi.grade_many(MEDIATION, np.empty((0, 3)))
    assert empty.shape == (0, 3)
    assert empty.dtype == object


@pytest.mark.parametrize("dtype", [np.int8, np.int16, np.int64, np.uint8, np.uint64])
def test_integer_arrays(dtype: type) -> None:
    values: np.ndarray = np.array([0, 59, 60, 61, 79, 80, 89, 90, 100, 127], dtype=dtype)
    grades = kpi.grade_many(MEDIATION, values)
    assert grades.tolist() == expected_grades(MEDIATION, values)
    assert grades.tolist()[2:8] == [Grade.中, Grade.中, Grade.中, Grade.良, Grade.良, Grade.优]


def test_integers_a_float_cannot_hold_are_graded_exactly() -> None:
    huge = kpi.Indicator(
        "x", ["≥9007199254740994", "≥9007199254740993", "≥9007199254740992", "＜9007199254740992"]
    )
    values = np.array([2**53 - 1, 2**53, 2**53 + 1, 2**53 + 2, 5], dtype=np.int64)
    grades = kpi.grade_many(huge, values)
    assert grades.tolist() == expected_grades(huge, values)
    assert [str(g) for g in grades.tolist()] == ["差", "中", "良", "优", "差"]


def test_float32_arrays_are_graded_as_their_float64_values() -> None:
    values = np.array([60.0, 89.9, 90.0, 59.9], dtype=np.float32)
    grades = kpi.grade_many(MEDIATION, values)
    assert grades.tolist() == [kpi.grade(MEDIATION, float(v)) for v in values]


def test_edges_closer_than_their_guard_bands() -> None:
    ind = kpi.Indicator(
        "x", ["≥1.0000000000000002", "≥1", "≥0.9999999999999999", "＜0.9999999999999999"]
    )
    points = [0.9999999999999999, 1.0, 1.0000000000000002]
    values = np.array([*near(points), 0.5, 2.0, 0.9999999999999, 1.000000000001])
    grades = kpi.grade_many(ind, values)
    assert grades.tolist() == expected_grades(ind, values)
    steps = np.array([0.9999999999999998, 0.9999999999999999, 1.0, 1.0000000000000002, 1.5])
    assert [str(g) for g in kpi.grade_many(ind, steps)] == ["差", "中", "良", "优", "优"]


def test_gap_policies_on_arrays_with_values_in_the_gaps() -> None:
    values = np.array([89.5, 89.0, 90.0, 79.5, 79.0, 80.0, 59.9, 60.0] * 50)
    for policy in GapPolicy:
        grades = kpi.grade_many(MEDIATION, values, gap=policy)
        assert grades.tolist() == one_by_one(MEDIATION, values.tolist(), policy)


@SOME
@given(data=st.data())
def test_two_dimensional_arrays_with_repeats_equal_grading_one_by_one(
    data: st.DataObject,
) -> None:
    ind = data.draw(ks.indicators(), label="indicator")
    policy = data.draw(st.sampled_from(list(GapPolicy)), label="policy")
    points = near([float(e.value) for e in ind.edges(policy)])
    pool = [*points, math.nan, 0.0, -0.0, 1e6, -1e6]
    values = data.draw(st.lists(st.sampled_from(pool), min_size=1, max_size=60))
    rows = data.draw(st.sampled_from([d for d in (1, 2, 3, 4, 5) if len(values) % d == 0]))
    array = np.array(values).reshape(rows, -1)
    grades = kpi.grade_many(ind, array, gap=policy)
    assert grades.shape == array.shape
    assert grades.reshape(-1).tolist() == one_by_one(ind, values, policy)
