"""Fixtures of the benchmark suite (pytest-benchmark; docs/performance.md).

Not collected by default (``--ignore=tests/benchmarks`` in pyproject.toml):
run it by naming it, after ``pip install -e '.[bench]'``::

    python -m pytest tests/benchmarks

Each module pairs kpi with its peer in one benchmark group, so that
pytest-benchmark prints them side by side. The data and the peers come from
``benchmarks/run.py``, the script that prints the ratios.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

import kpi

pytest.importorskip("pytest_benchmark", reason="pip install -e '.[bench]'")

ROOT = Path(__file__).resolve().parents[2]


def _load_runner() -> ModuleType:
    path = ROOT / "benchmarks" / "run.py"
    spec = importlib.util.spec_from_file_location("kpi_benchmarks_run", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


RUN = _load_runner()

SCALAR = int(os.environ.get("KPI_BENCH_VALUES", "10000"))
"""Values per round of the scalar cases (``kpi.grade`` and its peers)."""


@pytest.fixture(scope="session")
def run() -> ModuleType:
    """``benchmarks/run.py``: the data, the peers and the generators."""
    return RUN


@pytest.fixture(scope="session")
def indicator() -> kpi.Indicator:
    """The seed's 事项督查反馈率, compiled by a first grade."""
    ind = kpi.Indicator(RUN.RUBRIC_NAME, list(RUN.RUBRIC_TIERS))
    kpi.grade(ind, 85.0)
    return ind


@pytest.fixture(scope="session")
def values() -> list[float]:
    """Rates between 50% and 100% with one decimal, edges included."""
    values: list[float] = RUN._values(SCALAR)
    return values
