"""Exact numbers: reading them from Python values and writing them back.

Bounds are :class:`~decimal.Decimal` as written in the cell. Conversions
between units can produce a factor that is not a finite decimal (1 亩 is
2000/3 平方米), so arithmetic inside kpi is done in :class:`~fractions.Fraction`,
which compares exactly with Decimal.
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal, InvalidOperation
from fractions import Fraction

__all__ = [
    "as_decimal",
    "exact_product",
    "exact_value",
    "float_to_decimal",
    "format_number",
    "round_half_away",
    "shown_number",
    "to_decimal",
    "to_fraction",
]

Number = Decimal | Fraction


def to_decimal(text: str) -> Decimal:
    """A finite Decimal from decimal digits such as ``"-0.30"``."""
    try:
        value = Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - callers pass digits
        raise ValueError(f"not a decimal number: {text!r}") from exc
    if not value.is_finite():  # pragma: no cover - callers pass digits
        raise ValueError(f"not a finite number: {text!r}")
    return value


def exact_product(a: Decimal, b: Decimal) -> Decimal:
    """``a * b`` without rounding, whatever the number of digits."""
    digits = len(a.as_tuple().digits) + len(b.as_tuple().digits)
    with decimal.localcontext() as ctx:
        ctx.prec = max(digits, ctx.prec)
        ctx.traps[decimal.Inexact] = True
        return a * b


def float_to_decimal(value: float) -> Decimal:
    """The decimal a float was written as: ``0.95`` is ``Decimal("0.95")``.

    ``repr`` gives the shortest text that reads back as the same float, which
    is the number the user typed; ``Decimal(0.95)`` would be the binary
    approximation ``0.9499999999999999555910790149937...``.
    """
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {value!r}")
    return Decimal(repr(value))


def to_fraction(value: Number) -> Fraction:
    """An exact Fraction of a Decimal or Fraction."""
    return value if isinstance(value, Fraction) else Fraction(value)


def as_decimal(value: Number) -> Decimal | None:
    """*value* as a Decimal when it is a finite decimal, else None."""
    if isinstance(value, Decimal):
        return value
    den = value.denominator
    twos = fives = 0
    while den % 2 == 0:
        den //= 2
        twos += 1
    while den % 5 == 0:
        den //= 5
        fives += 1
    if den != 1:
        return None
    scale = max(twos, fives)
    return Decimal(value.numerator * 10**scale // value.denominator).scaleb(-scale)


def format_number(value: Number) -> str:
    """Plain decimal notation, no exponent, no trailing zeros: ``25000``,
    ``0.01``, ``-1.4``. A fraction that is not a finite decimal is written
    ``2000/3``."""
    dec = as_decimal(value)
    if dec is None:
        frac = to_fraction(value)
        return f"{frac.numerator}/{frac.denominator}"
    if dec == 0:
        return "0"
    # format "f" writes every digit, whatever the context's precision
    text = format(dec, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def exact_value(value: Fraction) -> Number:
    """*value* as a Decimal when it is a finite decimal, else the Fraction.

    >>> exact_value(Fraction(1, 4)), exact_value(Fraction(1, 3))
    (Decimal('0.25'), Fraction(1, 3))
    """
    found = as_decimal(value)
    return value if found is None else found


def round_half_away(value: Number, places: int = 2) -> Decimal:
    """*value* rounded half away from zero to *places* decimals, for display.

    >>> round_half_away(Fraction(189, 19))
    Decimal('9.95')
    >>> round_half_away(Decimal("-0.125"))
    Decimal('-0.13')
    """
    scaled = to_fraction(value) * 10**places
    magnitude = math.floor(abs(scaled) + Fraction(1, 2))
    return Decimal(magnitude if scaled >= 0 else -magnitude).scaleb(-places)


def shown_number(value: Number) -> str:
    """A number for a sentence: exact when a finite decimal, else ``≈`` and
    two decimals.

    >>> shown_number(Fraction(1, 4)), shown_number(Fraction(2, 3))
    ('0.25', '≈0.67')
    """
    found = as_decimal(to_fraction(value))
    if found is not None:
        return format_number(found)
    return f"≈{format_number(round_half_away(value))}"
