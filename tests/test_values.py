"""Unit tests of kpi.values.read_value: what a user passes as an actual value, read exactly."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest

import kpi
from kpi.values import Label, Measurement, read_value

# ---------------------------------------------------------------- numbers

# value, the exact number read, its text
NUMBER_CASES = [
    pytest.param(0, Decimal(0), "0", id="int-zero"),
    pytest.param(95, Decimal(95), "95", id="int"),
    pytest.param(-3, Decimal(-3), "-3", id="int-negative"),
    pytest.param(10**30, Decimal(10**30), "1" + "0" * 30, id="int-huge"),
    pytest.param(0.3, Decimal("0.3"), "0.3", id="float-0.3"),
    pytest.param(0.95, Decimal("0.95"), "0.95", id="float-0.95"),
    pytest.param(95.0, Decimal("95.0"), "95", id="float-95.0"),
    pytest.param(1e-7, Decimal("1E-7"), "0.0000001", id="float-1e-7"),
    pytest.param(1e22, Decimal("1E+22"), "1" + "0" * 22, id="float-1e22"),
    pytest.param(-0.5, Decimal("-0.5"), "-0.5", id="float-negative"),
    pytest.param(0.1 + 0.2, Decimal("0.30000000000000004"), "0.30000000000000004", id="float-sum"),
    pytest.param(Decimal("95.00"), Decimal(95), "95", id="decimal"),
    pytest.param(Decimal("-0.30"), Decimal("-0.3"), "-0.3", id="decimal-negative"),
    pytest.param(Fraction(2, 3), Fraction(2, 3), "2/3", id="fraction"),
    pytest.param(Fraction(1, 4), Fraction(1, 4), "0.25", id="fraction-decimal"),
]


@pytest.mark.parametrize(("value", "number", "text"), NUMBER_CASES)
def test_numbers_are_read_exactly(value: object, number: Decimal | Fraction, text: str) -> None:
    read = read_value(value)
    assert isinstance(read, Measurement)
    assert read.unit is None
    assert read.number == number
    assert isinstance(read.number, Decimal | Fraction)
    assert str(read) == text


FLOAT_SHORTEST_REPR_CASES = [
    pytest.param(0.3, "0.3", id="0.3"),
    pytest.param(0.95, "0.95", id="0.95"),
    pytest.param(1e-7, "1E-7", id="1e-7"),
    pytest.param(0.1, "0.1", id="0.1"),
    pytest.param(89.9, "89.9", id="89.9"),
    pytest.param(0.57, "0.57", id="0.57"),
]


@pytest.mark.parametrize(("value", "digits"), FLOAT_SHORTEST_REPR_CASES)
def test_floats_are_read_by_their_shortest_repr(value: float, digits: str) -> None:
    read = read_value(value)
    assert isinstance(read, Measurement)
    assert read.number == Decimal(digits)
    assert read.number != Decimal(value)  # not the binary approximation


# ---------------------------------------------------------------- texts with units

# text, the exact number, the unit's display word (None for a bare number), the text of the value
TEXT_CASES = [
    pytest.param("95%", Decimal(95), "%", "95%", id="percent"),
    pytest.param("９５％", Decimal(95), "%", "95%", id="full-width-percent"),
    pytest.param(" 95 % ", Decimal(95), "%", "95%", id="spaces"),
    pytest.param("\u300095%\u3000", Decimal(95), "%", "95%", id="ideographic-spaces"),
    pytest.param("95%。", Decimal(95), "%", "95%", id="trailing-full-stop"),
    pytest.param("0.1‰", Decimal("0.1"), "‰", "0.1‰", id="permille"),
    pytest.param("2.5万人", Decimal(25000), "人", "25000人", id="wan-count"),
    pytest.param("10,000元", Decimal(10000), "元", "10000元", id="thousands-separator"),
    pytest.param("1.5万元", Decimal("1.5"), "万元", "1.5万元", id="wan-yuan-unit"),
    pytest.param("250万", Decimal(2500000), None, "2500000", id="wan-bare"),
    pytest.param("1.2亿元", Decimal("1.2"), "亿元", "1.2亿元", id="yi-yuan-unit"),
    pytest.param("2天", Decimal(2), "天", "2天", id="days"),
    pytest.param("48h", Decimal(48), "小时", "48小时", id="h-shown-as-xiaoshi"),
    pytest.param("3次", Decimal(3), "次", "3次", id="count-word"),
    pytest.param("95", Decimal(95), None, "95", id="bare-text"),
    pytest.param("-0.3", Decimal("-0.3"), None, "-0.3", id="negative"),
    pytest.param("−0.3", Decimal("-0.3"), None, "-0.3", id="minus-sign"),
    pytest.param("３萬人", Decimal(30000), "人", "30000人", id="traditional-wan"),
    pytest.param("100元/人·月", Decimal(100), "元/人·月", "100元/人·月", id="compound"),
]


@pytest.mark.parametrize(("text", "number", "unit", "shown"), TEXT_CASES)
def test_texts_with_units(text: str, number: Decimal, unit: str | None, shown: str) -> None:
    read = read_value(text)
    assert isinstance(read, Measurement)
    assert read.number == number
    assert (read.unit.word if read.unit is not None else None) == unit
    assert str(read) == shown


def test_full_width_value_equals_ascii_value() -> None:
    assert read_value("９５％") == read_value("95%")


# ---------------------------------------------------------------- labels

# text, the label read
LABEL_CASES = [
    pytest.param("较好完成", "较好完成", id="plain"),
    pytest.param("  较好完成  ", "较好完成", id="trimmed"),
    pytest.param("\u3000较好完成\u3000", "较好完成", id="ideographic-spaces"),
    pytest.param("\t较好完成\n", "较好完成", id="tab-newline"),
    pytest.param("较好完成。", "较好完成", id="trailing-full-stop"),
    pytest.param("较好完成；", "较好完成", id="trailing-full-width-semicolon"),
    pytest.param("较好  完成", "较好 完成", id="inner-spaces-to-one"),
    pytest.param("ＥＸＣＥＬＬＥＮＴ", "EXCELLENT", id="full-width-letters"),
    pytest.param("優", "優", id="traditional-kept"),
    pytest.param("良", "良", id="grade-name"),
    pytest.param("圆满完成", "圆满完成", id="seed-label"),
]


@pytest.mark.parametrize(("text", "label"), LABEL_CASES)
def test_labels_are_normalised(text: str, label: str) -> None:
    read = read_value(text)
    assert read == Label(label)
    assert str(read) == label


@pytest.mark.parametrize(
    "value",
    [Measurement(Decimal(3)), Label("较好完成")],
    ids=["measurement", "label"],
)
def test_read_values_pass_through(value: Measurement | Label) -> None:
    assert read_value(value) is value


# ---------------------------------------------------------------- errors

# value, whole message of the ValueTypeError
TYPE_ERROR_CASES = [
    pytest.param(None, "expected a number or a text as the value, found None", id="none"),
    pytest.param(True, "expected a number or a text as the value, found True", id="true"),
    pytest.param(False, "expected a number or a text as the value, found False", id="false"),
    pytest.param(b"95", "expected a number or a text as the value, found bytes b'95'", id="bytes"),
    pytest.param([95], "expected a number or a text as the value, found list [95]", id="list"),
    pytest.param(
        complex(1, 0),
        "expected a number or a text as the value, found complex (1+0j)",
        id="complex",
    ),
]


@pytest.mark.parametrize(("value", "message"), TYPE_ERROR_CASES)
def test_values_of_the_wrong_type(value: object, message: str) -> None:
    with pytest.raises(kpi.ValueTypeError) as info:
        read_value(value)
    assert str(info.value) == message
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, kpi.KpiError)


# value, whole message of the ValueReadError
READ_ERROR_CASES = [
    pytest.param(float("nan"), "expected a finite number as the value, found nan", id="float-nan"),
    pytest.param(float("inf"), "expected a finite number as the value, found inf", id="float-inf"),
    pytest.param(
        -math.inf, "expected a finite number as the value, found -inf", id="float-minus-inf"
    ),
    pytest.param(
        Decimal("NaN"),
        "expected a finite number as the value, found Decimal('NaN')",
        id="decimal-nan",
    ),
    pytest.param(
        Decimal("sNaN"),
        "expected a finite number as the value, found Decimal('sNaN')",
        id="decimal-snan",
    ),
    pytest.param(
        Decimal("-Infinity"),
        "expected a finite number as the value, found Decimal('-Infinity')",
        id="decimal-minus-infinity",
    ),
    # unreadable texts
    pytest.param(
        "9x5%",
        "cannot read value '9x5%': expected a unit or the end of the text at column 2",
        id="letter-in-number",
    ),
    pytest.param(
        "95斛",
        "cannot read value '95斛': unknown unit '斛' after a number at column 3 "
        "(add it with kpi.add_unit() or to grammar/vocabulary.toml)",
        id="unknown-unit",
    ),
    pytest.param(
        "3%5",
        "cannot read value '3%5': expected the end of the text at column 3",
        id="number-after-unit",
    ),
    pytest.param(
        "2023年底",
        "cannot read value '2023年底': calendar dates and deadlines are not read yet at column 1",
        id="date",
    ),
    pytest.param(
        "前20%",
        "cannot read value '前20%': rank positions are not thresholds at column 1",
        id="rank",
    ),
    pytest.param(
        "≧ %",
        "cannot read value '≧ %': an unfilled template: comparators and units without a number "
        "at column 1",
        id="unfilled-template",
    ),
    # conditions given as values
    pytest.param(
        "≥95%",
        "expected a single number with an optional unit as the value, found '≥95%'",
        id="comparator",
    ),
    pytest.param(
        "95%以上",
        "expected a single number with an optional unit as the value, found '95%以上'",
        id="suffix",
    ),
    pytest.param(
        "80-89%",
        "expected a single number with an optional unit as the value, found '80-89%'",
        id="range",
    ),
    pytest.param(
        "[3,5)",
        "expected a single number with an optional unit as the value, found '[3,5)'",
        id="interval",
    ),
    # empty texts
    pytest.param("", "expected a value, found the empty text ''", id="empty"),
    pytest.param("   ", "expected a value, found the empty text '   '", id="blank"),
    pytest.param("—", "expected a value, found the empty text '—'", id="dash"),
    pytest.param("无", "expected a value, found the empty text '无'", id="wu"),
    pytest.param("/", "expected a value, found the empty text '/'", id="slash"),
]


@pytest.mark.parametrize(("value", "message"), READ_ERROR_CASES)
def test_values_that_cannot_be_read(value: object, message: str) -> None:
    with pytest.raises(kpi.ValueReadError) as info:
        read_value(value)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, kpi.KpiError)


def test_a_condition_read_as_a_value_is_refused_by_grade() -> None:
    ind = kpi.Indicator("事项督查反馈率", ["≥90%", "≥80%", "≥60%", "＜60%"])
    with pytest.raises(kpi.ValueReadError) as info:
        kpi.grade(ind, "≥95%")
    assert str(info.value) == (
        "expected a single number with an optional unit as the value, found '≥95%'"
    )
