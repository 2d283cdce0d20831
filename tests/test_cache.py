"""The threshold cache: a repeated cell is parsed once per process, and the
cache is bounded."""

from __future__ import annotations

import pytest

import kpi
import kpi.parser
from kpi.vocabulary import load_vocabulary


def test_a_repeated_cell_is_served_from_the_cache() -> None:
    reader = kpi.parser.current_reader()
    text = "≥97.125%以上(含)"
    before = reader.parse.cache_info()
    first = kpi.parse(text)
    second = kpi.parse(text)
    after = reader.parse.cache_info()
    assert first is second
    assert after.hits >= before.hits + 1
    assert after.maxsize == kpi.parser._CACHE_SIZE


def test_the_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kpi.parser, "_CACHE_SIZE", 4)
    reader = kpi.parser.Reader(load_vocabulary())
    for n in range(10):
        reader.parse(f"≥{n}%")
        reader.parse_value(f"{n}%")
    assert reader.parse.cache_info().currsize == 4
    assert reader.parse_value.cache_info().currsize == 4
