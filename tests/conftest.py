"""Fixtures shared by the test modules."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import kpi.parser
from kpi.units import conversion_factor


@pytest.fixture
def restore_vocabulary(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put kpi's current reader (its vocabulary) back when the test ends, so
    that kpi.add_unit() and kpi.add_count_word() in one test leave no trace."""
    monkeypatch.setattr(kpi.parser, "_reader", kpi.parser.current_reader())
    yield
    conversion_factor.cache_clear()
