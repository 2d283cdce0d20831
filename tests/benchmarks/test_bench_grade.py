"""kpi.grade on one value against bisect over float breakpoints."""

from __future__ import annotations

import bisect
from types import ModuleType
from typing import Any

import pytest

import kpi


@pytest.mark.benchmark(group="grade float")
def test_kpi_grade_float(benchmark: Any, indicator: kpi.Indicator, values: list[float]) -> None:
    """kpi.grade(ind, v) on floats, a compiled indicator."""

    def grade_all() -> None:
        for v in values:
            kpi.grade(indicator, v)

    benchmark(grade_all)


@pytest.mark.benchmark(group="grade float")
def test_bisect_float(benchmark: Any, run: ModuleType, values: list[float]) -> None:
    """The peer: labels[bisect_right(breakpoints, v)]."""
    labels, breakpoints = run.LABELS, run.BREAKPOINTS

    def grade_all() -> None:
        for v in values:
            labels[bisect.bisect_right(breakpoints, v)]

    benchmark(grade_all)


@pytest.mark.benchmark(group="grade string")
def test_kpi_grade_string(benchmark: Any, indicator: kpi.Indicator, values: list[float]) -> None:
    """kpi.grade(ind, "96.5%") on texts."""
    texts = [f"{v}%" for v in values]

    def grade_all() -> None:
        for s in texts:
            kpi.grade(indicator, s)

    benchmark(grade_all)


@pytest.mark.benchmark(group="grade string")
def test_bisect_string(benchmark: Any, run: ModuleType, values: list[float]) -> None:
    """The peer: float(s.rstrip("%")) and bisect."""
    texts = [f"{v}%" for v in values]
    labels, breakpoints = run.LABELS, run.BREAKPOINTS

    def grade_all() -> None:
        for s in texts:
            labels[bisect.bisect_right(breakpoints, float(s.rstrip("%")))]

    benchmark(grade_all)
