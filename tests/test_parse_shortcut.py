"""The parser's shortcut for simple forms (``≥95%``, ``不满60%``, ``95%``,
``90%以上``, ``80-89%``, ``[3,5)``, ``[90%, +∞)``) and for labels gives exactly
what the grammar gives, or declines and leaves the text to it; and the
reader's fast normalisation gives exactly what :func:`kpi.normalize.normalize`
gives."""

from __future__ import annotations

import tomllib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from kpi.normalize import normalize
from kpi.parser import Reader
from kpi.resources import grammar_file
from kpi.vocabulary import load_vocabulary

VOCABULARY = load_vocabulary()
FAST = Reader(VOCABULARY)
FULL = Reader(VOCABULARY, shortcut=False)


def outcome(reader: Reader, text: str, *, value: bool = False) -> object:
    """The threshold, its canonical text and its cell text, or the error."""
    try:
        found = reader.parse_value(text) if value else reader.parse(text)
    except kpi.ThresholdSyntaxError as exc:
        return type(exc), str(exc)
    return found, str(found), found.text


def same_both_ways(text: str) -> None:
    assert outcome(FAST, text) == outcome(FULL, text)
    assert outcome(FAST, text, value=True) == outcome(FULL, text, value=True)


numbers = st.one_of(
    st.integers(0, 10_000).map(str),
    st.decimals(0, 1000, places=3, allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(
        [
            "0",
            "00",
            "07",
            "0.0",
            "1.50",
            "100",
            "2023.12",
            "1,000",
            "1e3",
            ".5",
            "5.",
            "-5",
            "+5",
            "-0",
            "０７",
            "٣",
            "1.5万",
            "2亿",
        ]
    ),
)
# Every comparator word, and some spellings that normalise to one.
comparators = st.sampled_from(
    ["", "＞", "＜", "＝", "≧", "≦", "> =", "=<<", *VOCABULARY.comparators]
)
suffixes = st.sampled_from(["", "以 上", "以外", "上", "(含)", *VOCABULARY.suffixes])
prefixes = st.sampled_from(["", "控制", *VOCABULARY.prefixes])
# Mostly the common units, so that both ends of a range or interval often agree.
units = st.one_of(
    st.sampled_from(["", "%"]),
    st.sampled_from(
        [
            "",
            "%",
            "‰",
            "％",
            "‱",
            "天",
            " %",
            "分",
            "分钟",
            "个月",
            "万元",
            "元/人·月",
            "次/30秒",
            "米",
            "m2",
        ]
    ),
)
marks = st.one_of(st.just(""), st.sampled_from(["(含)", "(不含)", "（含）"]))
dashes = st.sampled_from(
    ["～", "－", "−", "﹣", "--", " - ", "至", "到", *VOCABULARY.range_separators]
)
spaces = st.sampled_from(["", " ", "\u3000", "  "])


@settings(max_examples=500, deadline=None)
@given(comparators, spaces, numbers, units, spaces)
def test_comparisons(symbol: str, before: str, number: str, unit: str, after: str) -> None:
    same_both_ways(f"{before}{symbol}{number}{unit}{after}")


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(st.just(""), prefixes),
    st.one_of(st.just(""), comparators),
    spaces,
    numbers,
    units,
    spaces,
    suffixes,
    marks,
    spaces,
)
def test_suffixes(
    prefix: str,
    symbol: str,
    space: str,
    number: str,
    unit: str,
    before: str,
    suffix: str,
    mark: str,
    after: str,
) -> None:
    same_both_ways(f"{prefix}{symbol}{space}{number}{unit}{before}{suffix}{mark}{after}")


@pytest.mark.parametrize("suffix", sorted(VOCABULARY.suffixes))
@pytest.mark.parametrize("start", ["", "≥", "≤", "不满", "超过", "控制在"])
@pytest.mark.parametrize("bound", ["90%", "60％", "5", "0.5‰", "60 %", "3次"])
def test_every_suffix(suffix: str, start: str, bound: str) -> None:
    same_both_ways(f"{start}{bound}{suffix}")
    same_both_ways(f"{start}{bound} {suffix}。")


@settings(max_examples=1000, deadline=None)
@given(
    numbers, units, marks, dashes, numbers, units, marks, spaces, st.one_of(st.just(""), suffixes)
)
def test_ranges(
    a: str,
    unit_a: str,
    mark_a: str,
    dash: str,
    b: str,
    unit_b: str,
    mark_b: str,
    end: str,
    tail: str,
) -> None:
    same_both_ways(f"{a}{mark_a}{unit_a}{dash}{b}{unit_b}{mark_b}{end}{tail}")


@pytest.mark.parametrize(
    "text",
    [
        "80-89%",
        "1-2%",
        "80%-89%",
        "80%-89",
        "89-80%",
        "5-5%",
        "0-0",
        "00-07",
        "0.5-1.50‰",
        "80%-89‰",
        "80 - 89 %",
        "80％～89％",
        "80－89%",
        "75%至89%",
        "100分~90分",
        "-1.4--0.8",
        "1--2",
        "1-2-3",
        "1-2%以上",
        "2.5万-3万",
        "80%(含)-90%",
        "80-89%,且≥85%",
        "2023-2024",
        "2023年-2024年",
    ],
)
def test_range_edge_cases(text: str) -> None:
    same_both_ways(text)


ends = st.one_of(
    numbers,
    st.sampled_from(["+∞", "-∞"]),
    st.sampled_from([*VOCABULARY.infinity_positive, *VOCABULARY.infinity_negative, "－∞", "∞∞"]),
)


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(st.sampled_from("[("), st.sampled_from(["[", "(", "【", "（", "[ "])),
    ends,
    units,
    st.one_of(
        st.sampled_from([",", ", "]),
        st.sampled_from(["，", " , ", ";", *VOCABULARY.range_separators]),
    ),
    ends,
    units,
    st.one_of(st.sampled_from("])"), st.sampled_from(["]", ")", "】", "）", " ]"])),
    st.one_of(st.just(""), units),
)
def test_intervals(
    left: str, a: str, unit_a: str, comma: str, b: str, unit_b: str, right: str, unit: str
) -> None:
    same_both_ways(f"{left}{a}{unit_a}{comma}{b}{unit_b}{right}{unit}")


@pytest.mark.parametrize(
    "text",
    [
        "[90%, +∞)",
        "[1, 3)",
        "(-∞, 60%]",
        "(-∞, 0.1‰)",
        "[80%, 89%]",
        "[3,5)%",
        "[3%,5)%",
        "[3%,5)‰",
        "[3%,5‰)",
        "[+∞, 3)",
        "[3, -∞)",
        "[-inf, inf]",
        "[5, 5]",
        "[5, 5)",
        "[5, 3]",
        "[-5, -3]",
        "[90-100]",
        "(-∞, +∞)",
        "(-∞, +∞)%",
        "(∞, 1]",
        "[1万, 2万]",
    ],
)
def test_interval_edge_cases(text: str) -> None:
    same_both_ways(text)


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *"优良中差完成(（)）[]【】 ％%≥＜<以上下∞-",
                "不满",
                "(含)",
                "圆满",
                "\u200b",
                "e\u0301",
            ]
        ),
        max_size=8,
    ).map("".join)
)
def test_texts_without_digits(text: str) -> None:
    same_both_ways(text)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=12))
def test_normalisation(text: str) -> None:
    expected = normalize(text, VOCABULARY.fold, VOCABULARY.trailing)
    assert FAST.normalize(text) == expected
    assert FAST.normalize(text) == expected  # again, with the characters learned


CASES = tomllib.loads(grammar_file("cases.toml").read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "text", [c["text"] for c in CASES["accept"]] + [c["text"] for c in CASES["refuse"]]
)
def test_conformance_cases_read_the_same_both_ways(text: str) -> None:
    same_both_ways(text)
