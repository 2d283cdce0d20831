"""kpi.grade_many on a million floats against numpy.searchsorted and pandas.cut."""

from __future__ import annotations

import os
from collections.abc import Callable
from types import ModuleType
from typing import Any

import pytest

import kpi

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")

N = int(os.environ.get("KPI_BENCH_MANY", "1000000"))


@pytest.fixture(scope="module")
def grade_many() -> Callable[..., Any]:
    """kpi.grade_many, or a skip while it does not exist."""
    function = getattr(kpi, "grade_many", None)
    if function is None:
        pytest.skip("kpi.grade_many does not exist in this checkout")
    return function  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def array() -> Any:
    """N rates between 50% and 100% with one decimal."""
    return np.round(np.random.default_rng(5).uniform(50.0, 100.0, N), 1)


@pytest.mark.benchmark(group="grade_many numpy")
def test_kpi_grade_many_array(
    benchmark: Any, grade_many: Callable[..., Any], indicator: kpi.Indicator, array: Any
) -> None:
    """kpi.grade_many(ind, array): an object array of grades."""
    benchmark(grade_many, indicator, array)


@pytest.mark.benchmark(group="grade_many numpy")
def test_searchsorted(benchmark: Any, run: ModuleType, array: Any) -> None:
    """The peer: labels.take(np.searchsorted(breakpoints, a, side="right"))."""
    labels = np.empty(4, dtype=object)
    labels[:] = [kpi.Grade[label] for label in run.LABELS]
    breakpoints = np.array(run.BREAKPOINTS)
    benchmark(lambda: labels.take(np.searchsorted(breakpoints, array, side="right")))


@pytest.mark.benchmark(group="grade_many pandas")
def test_kpi_grade_many_series(
    benchmark: Any, grade_many: Callable[..., Any], indicator: kpi.Indicator, array: Any
) -> None:
    """kpi.grade_many(ind, series): an ordered categorical Series."""
    benchmark(grade_many, indicator, pd.Series(array))


@pytest.mark.benchmark(group="grade_many pandas")
def test_pandas_cut(benchmark: Any, run: ModuleType, array: Any) -> None:
    """The peer: pd.cut with the breakpoints, closed on the left."""
    series = pd.Series(array)
    bins = [-np.inf, *run.BREAKPOINTS, np.inf]
    benchmark(pd.cut, series, bins, right=False, labels=list(run.LABELS), ordered=True)
