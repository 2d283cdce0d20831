"""The parser's shortcut for simple forms (``≥95%``, ``95%``, ``[3,5)``)
gives exactly what the grammar gives, or declines and leaves the text to it."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from kpi.parser import Reader
from kpi.resources import grammar_file
from kpi.vocabulary import load_vocabulary

FAST = Reader(load_vocabulary())
FULL = Reader(load_vocabulary(), shortcut=False)


def outcome(reader: Reader, text: str) -> object:
    """The threshold, its canonical text and its cell text, or the error."""
    try:
        found = reader.parse(text)
    except kpi.ThresholdSyntaxError as exc:
        return type(exc), str(exc)
    return found, str(found), found.text


numbers = st.one_of(
    st.integers(0, 10_000).map(str),
    st.decimals(0, 1000, places=3, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["0", "00", "07", "0.0", "1.50", "100", "2023.12", "1,000", "1e3", ".5"]),
)
comparators = st.sampled_from(["", "≥", "≤", ">", "<", "=", ">=", "<=", "＞", "＜", "≧", "=>"])
units = st.sampled_from(["", "%", "‰", "％", "‱", "天", " %"])
spaces = st.sampled_from(["", " ", "\u3000"])


@settings(max_examples=500, deadline=None)
@given(comparators, spaces, numbers, units, spaces)
def test_comparisons(symbol: str, before: str, number: str, unit: str, after: str) -> None:
    text = f"{before}{symbol}{number}{unit}{after}"
    assert outcome(FAST, text) == outcome(FULL, text)


@settings(max_examples=500, deadline=None)
@given(
    st.sampled_from(["[", "(", "【", "（"]),
    numbers,
    units,
    st.sampled_from([",", "，", ", "]),
    numbers,
    units,
    st.sampled_from(["]", ")", "】", "）"]),
)
def test_intervals(
    left: str, a: str, unit_a: str, comma: str, b: str, unit_b: str, right: str
) -> None:
    text = f"{left}{a}{unit_a}{comma}{b}{unit_b}{right}"
    assert outcome(FAST, text) == outcome(FULL, text)


CASES = tomllib.loads(grammar_file("cases.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text", [c["text"] for c in CASES["accept"]] + [c["text"] for c in CASES["refuse"]]
)
def test_conformance_cases_read_the_same_both_ways(text: str) -> None:
    assert outcome(FAST, text) == outcome(FULL, text)
