"""kpi.parse of every distinct cell of the seed, cold and cached, against portion."""

from __future__ import annotations

from decimal import Decimal
from types import ModuleType
from typing import Any

import pytest

import kpi
import kpi.parser
from kpi.units import conversion_factor


@pytest.mark.benchmark(group="parse cold")
def test_kpi_parse_cold(benchmark: Any, run: ModuleType) -> None:
    """kpi.parse of every distinct seed cell, its caches cleared first."""
    cells = run.seed_cells()
    cache = kpi.parser.current_reader().parse

    def parse_all() -> None:
        cache.cache_clear()
        conversion_factor.cache_clear()
        for cell in cells:
            kpi.parse(cell)

    benchmark(parse_all)


@pytest.mark.benchmark(group="parse cold")
def test_portion_from_string(benchmark: Any, run: ModuleType) -> None:
    """The peer: portion.from_string of the bracket form of each numeric cell."""
    portion = pytest.importorskip("portion")
    forms = [f for f in map(run.bracket_form, run.seed_cells()) if f is not None]

    def parse_all() -> None:
        for form in forms:
            portion.from_string(form, conv=Decimal)

    benchmark(parse_all)


@pytest.mark.benchmark(group="parse warm")
def test_kpi_parse_warm(benchmark: Any, run: ModuleType) -> None:
    """kpi.parse of every distinct seed cell, from the cache (target: < 1 µs a cell)."""
    cells = run.seed_cells()
    for cell in cells:
        kpi.parse(cell)

    def parse_all() -> None:
        for cell in cells:
            kpi.parse(cell)

    benchmark(parse_all)
