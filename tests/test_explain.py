"""``kpi.explain.explain`` and ``kpi parse``: how each part of a cell was read."""

from __future__ import annotations

import pytest

import kpi
from kpi.cli import main
from kpi.explain import explain

EXPLAINED: list[tuple[str, list[str]]] = [
    (
        "≥95%",
        [
            "≥: a comparator: at least the number, which is included",
            "95: a number",
            "%: a unit, % (ratio)",
        ],
    ),
    (
        "60%以下(不含)",
        [
            "60: a number",
            "%: a unit, % (ratio)",
            "以下: a boundary word: at most the number, which is included (民法典 第1259条)",
            "(不含): the bound next to it is excluded",
        ],
    ),
    (
        "80%(含)-90%",
        [
            "80: a number",
            "%: a unit, % (ratio)",
            "(含): the bound next to it is included",
            "-: a range: both ends included, unless one end alone is marked (含)",
            "90: a number",
            "%: a unit, % (ratio)",
        ],
    ),
    (
        "(0, +∞)",
        [
            "(: an interval end, excluded",
            "0: a number",
            ",: separates the ends of the interval",
            "+∞: an infinite end",
            "): an interval end, excluded",
        ],
    ),
    ("2.5万人", ["2.5: a number", "万: multiplies the number by 10000", "人: a unit, 人 (count)"]),
    (
        "≥1|≤0",
        [
            "≥: a comparator: at least the number, which is included",
            "1: a number",
            "|: or: either condition holds",
            "≤: a comparator: at most the number, which is included",
            "0: a number",
        ],
    ),
    ("优秀(20分)", ["优秀(20分): a label, matched as it is written, with the note '20分'"]),
    ("—", ["—: an empty cell: the tier is not defined"]),
]


@pytest.mark.parametrize(("text", "parts"), EXPLAINED, ids=[t for t, _ in EXPLAINED])
def test_explain(text: str, parts: list[str]) -> None:
    assert [str(p) for p in explain(text)] == parts


def test_explain_refuses_what_parse_refuses() -> None:
    with pytest.raises(kpi.ThresholdSyntaxError):
        explain("≥9x5%")


def test_kpi_parse_prints_the_form_and_the_parts(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", "≥95%以上"]) == 0
    assert capsys.readouterr().out == (
        "[95%, +∞)\n"
        "  ≥: a comparator: at least the number, which is included\n"
        "  95: a number\n"
        "  %: a unit, % (ratio)\n"
        "  以上: a boundary word: at least the number, which is included (民法典 第1259条)\n"
    )
