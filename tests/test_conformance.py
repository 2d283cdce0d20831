"""The conformance table of the threshold language, grammar/cases.toml, in full.

Every accepted text must read to its canonical form (and the canonical form
must read back to the same threshold); every refused text must raise
:class:`kpi.ThresholdSyntaxError` with the column and reason of the table and
the whole message built from them. The table is loaded through
:func:`kpi.resources.grammar_file`, so this test runs from the wheel as well as
from a checkout.
"""

from __future__ import annotations

import tomllib
import unicodedata
from collections import Counter
from typing import Any

import pytest

import kpi
import kpi.errors
from kpi.resources import grammar_file

Case = dict[str, Any]

KINDS = {"numeric", "label", "empty"}
ACCEPT_KEYS = {"text", "canonical", "kind", "form"}
REFUSE_KEYS = {"text", "column", "reason", "hint", "form"}


def _load() -> dict[str, list[Case]]:
    table = tomllib.loads(grammar_file("cases.toml").read_text(encoding="utf-8"))
    return {"accept": list(table.get("accept", [])), "refuse": list(table.get("refuse", []))}


TABLE = _load()
ACCEPT: list[Case] = TABLE["accept"]
REFUSE: list[Case] = TABLE["refuse"]


def _ids(prefix: str, cases: list[Case]) -> list[str]:
    return [f"{prefix}{i:03d}-{case['text']!r}" for i, case in enumerate(cases)]


def _width(text: str) -> int:
    """Terminal columns of *text*: wide and full-width forms take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


# ------------------------------------------------------------------ the table


def test_table_is_large_enough() -> None:
    assert len(ACCEPT) >= 150
    assert len(REFUSE) >= 40


def test_no_text_appears_twice() -> None:
    counts = Counter(str(case["text"]) for case in (*ACCEPT, *REFUSE))
    assert [text for text, n in counts.items() if n > 1] == []


@pytest.mark.parametrize("case", ACCEPT, ids=_ids("accept", ACCEPT))
def test_accept_case_is_well_formed(case: Case) -> None:
    assert set(case) <= ACCEPT_KEYS
    assert isinstance(case["text"], str)
    assert isinstance(case["canonical"], str)
    assert isinstance(case["form"], str)
    assert case["form"]
    assert case.get("kind", "numeric") in KINDS


@pytest.mark.parametrize("case", REFUSE, ids=_ids("refuse", REFUSE))
def test_refuse_case_is_well_formed(case: Case) -> None:
    assert set(case) <= REFUSE_KEYS
    assert isinstance(case["text"], str)
    assert isinstance(case["reason"], str)
    assert isinstance(case.get("hint", ""), str)
    assert isinstance(case["form"], str)
    column = case["column"]
    assert isinstance(column, int)
    assert not isinstance(column, bool)
    # A column points at a character of the text, or one past its end.
    assert 1 <= column <= len(case["text"]) + 1


# ------------------------------------------------------------------ accepted


@pytest.mark.parametrize("case", ACCEPT, ids=_ids("accept", ACCEPT))
def test_accepted_text_reads_to_its_canonical_form(case: Case) -> None:
    threshold = kpi.parse(case["text"])
    assert str(threshold) == case["canonical"]
    assert threshold.kind.value == case.get("kind", "numeric")


@pytest.mark.parametrize("case", ACCEPT, ids=_ids("accept", ACCEPT))
def test_canonical_form_reads_back(case: Case) -> None:
    threshold = kpi.parse(case["text"])
    again = kpi.parse(str(threshold))
    assert again == threshold
    assert str(again) == str(threshold)


@pytest.mark.parametrize("case", ACCEPT, ids=_ids("accept", ACCEPT))
def test_expected_canonical_form_is_itself_canonical(case: Case) -> None:
    # The table's own canonical text is a fixed point of parse-then-str.
    assert str(kpi.parse(case["canonical"])) == case["canonical"]


# ------------------------------------------------------------------ refused


@pytest.mark.parametrize("case", REFUSE, ids=_ids("refuse", REFUSE))
def test_refused_text_raises_with_column_and_reason(case: Case) -> None:
    text: str = case["text"]
    column: int = case["column"]
    reason: str = case["reason"]
    hint: str = case.get("hint", "")
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse(text)
    error = info.value
    assert error.text == text
    assert error.reason == reason
    assert error.column == column

    lines = str(error).split("\n")
    first = f"cannot read threshold {text!r}: {reason} at column {column}"
    if hint:
        first += f" ({hint})"
    assert lines[0] == first
    assert "\n".join(lines[1:]) == kpi.errors.caret_line(text, column - 1)


@pytest.mark.parametrize("case", REFUSE, ids=_ids("refuse", REFUSE))
def test_caret_stands_under_the_column(case: Case) -> None:
    text: str = case["text"]
    column: int = case["column"]
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse(text)
    lines = str(info.value).split("\n")
    assert len(lines) == 3
    shown, caret = lines[1], lines[2]
    flat = text.replace("\t", " ").replace("\n", " ")
    assert shown.endswith(flat)
    indent = len(shown) - len(flat)
    assert caret.endswith("^")
    assert caret.strip(" ") == "^"
    # The caret is preceded by the display width of the characters before the column.
    assert len(caret) - 1 - indent == _width(flat[: column - 1])
