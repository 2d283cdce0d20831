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


def test_scores_are_remembered_per_indicator_and_vocabulary() -> None:
    ind = kpi.Indicator("会议保障率", target="≥95%", weight=10)
    twin = kpi.Indicator("会议保障率", target="≥95%", weight=10)
    first = kpi.score(ind, "94%")
    assert kpi.score(ind, "94%") is first
    assert kpi.score(twin, "94%") == first  # an equal indicator: the same score
    assert kpi.score(ind, 94) is not kpi.score(ind, 94.0)  # another type, another key
    assert kpi.score(ind, 94) is kpi.score(ind, 94)
