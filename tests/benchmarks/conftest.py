"""Fixtures of the benchmark suite (pytest-benchmark; docs/performance.md).

Not collected by default (``--ignore=tests/benchmarks`` in pyproject.toml):
run it by naming it, after ``pip install -e '.[bench]'``::

    python -m pytest tests/benchmarks

Each module pairs kpi with its peer in one benchmark group, so that
pytest-benchmark prints them side by side. The data and the peers come from
``benchmarks/run.py``, the script that prints the ratios.
"""

from __future__ import annotations

import os
from types import ModuleType

import pytest

import kpi

pytest.importorskip("pytest_benchmark", reason="pip install -e '.[bench]'")

SCALAR = int(os.environ.get("KPI_BENCH_VALUES", "10000"))
"""Values per round of the scalar cases (``kpi.grade`` and its peers)."""


@pytest.fixture(scope="session")
def run(bench_script: ModuleType) -> ModuleType:
    """``benchmarks/run.py``: the data, the peers and the generators."""
    return bench_script


@pytest.fixture(scope="session")
def indicator(run: ModuleType) -> kpi.Indicator:
    """The seed's 事项督查反馈率, compiled by a first grade."""
    ind = kpi.Indicator(run.RUBRIC_NAME, list(run.RUBRIC_TIERS))
    kpi.grade(ind, 85.0)
    return ind


@pytest.fixture(scope="session")
def values(run: ModuleType) -> list[float]:
    """Rates between 50% and 100% with one decimal, edges included."""
    values: list[float] = run._values(SCALAR)
    return values
