"""Exact numbers written back as text: format_number."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from kpi.exact import format_number

decimals = st.decimals(allow_nan=False, allow_infinity=False)


@given(decimals)
def test_format_number_reads_back_without_exponent_or_trailing_zeros(value: Decimal) -> None:
    text = format_number(value)
    assert Decimal(text) == value
    assert "E" not in text.upper()
    if "." in text:
        assert not text.endswith(("0", "."))
    assert text != "-0"


def test_format_number_examples() -> None:
    cases = ["1E+2", "1.50", "-0.0", "-1.40", "7.000E+5", "1E-7"]
    assert [format_number(Decimal(c)) for c in cases] == [
        "100",
        "1.5",
        "0",
        "-1.4",
        "700000",
        "0.0000001",
    ]
