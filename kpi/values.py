"""Reading an actual value: ``"95%"``, ``"2天"``, ``85``, ``0.95``, ``"较好完成"``.

Strings are read by the threshold grammar (so ``"９５％"`` is ``95%`` and
``"2.5万人"`` is ``25000人``) and must be a single number with an optional
unit, or a label. Floats are taken as the decimal they were written as
(``0.95`` is ``Decimal("0.95")``, never ``0.9499999999999999555...``).
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction

import attrs

from kpi.errors import ThresholdSyntaxError, ValueReadError, ValueTypeError
from kpi.exact import float_to_decimal, format_number
from kpi.units import Unit

__all__ = ["Label", "Measurement", "ValueLike", "read_value"]

ValueLike = str | int | float | Decimal | Fraction
_DIGIT = re.compile(r"\d")


@attrs.frozen
class Measurement:
    """A number with its unit (``None`` for a bare number)."""

    number: Decimal | Fraction
    unit: Unit | None = None

    def __str__(self) -> str:
        return format_number(self.number) + (self.unit.word if self.unit else "")


@attrs.frozen
class Label:
    """A qualitative value such as 较好完成, normalised."""

    text: str

    def __str__(self) -> str:
        return self.text


def read_value(value: object) -> Measurement | Label:
    """A :class:`Measurement` or :class:`Label` from what a user passes.

    Raises :class:`~kpi.ValueTypeError` for ``None``, booleans and other
    types, and :class:`~kpi.ValueReadError` for NaN, infinities and texts
    that are neither a number (with a unit) nor a label.
    """
    if isinstance(value, Measurement | Label):
        return value
    if value is None or isinstance(value, bool):
        raise ValueTypeError(f"expected a number or a text as the value, found {value!r}")
    if isinstance(value, int):
        return Measurement(Decimal(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueReadError(f"expected a finite number as the value, found {value!r}")
        return Measurement(float_to_decimal(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ValueReadError(f"expected a finite number as the value, found {value!r}")
        return Measurement(value)
    if isinstance(value, Fraction):
        return Measurement(value)
    if isinstance(value, str):
        return _read_text(value)
    raise ValueTypeError(
        f"expected a number or a text as the value, found {type(value).__name__} {value!r}"
    )


def _read_text(text: str) -> Measurement | Label:
    from kpi.parser import current_reader

    reader = current_reader()
    normalised = reader.normalize(text).text
    if not normalised or normalised in reader.vocabulary.empty_markers:
        raise ValueReadError(f"expected a value, found the empty text {text!r}")
    if not _DIGIT.search(normalised) and not reader.is_template(normalised):
        return Label(normalised)
    try:
        threshold = reader.parse_value(text)
    except ThresholdSyntaxError as exc:
        advice = f" ({exc.hint})" if exc.hint else ""
        raise ValueReadError(
            f"cannot read value {text!r}: {exc.reason} at column {exc.column}{advice}"
        ) from None
    intervals = threshold.intervals
    if threshold.is_label or len(intervals) != 1 or not intervals[0].is_point:
        raise ValueReadError(
            f"expected a single number with an optional unit as the value, found {text!r}"
        )
    number = intervals[0].lower
    assert number is not None
    return Measurement(number, threshold.unit)
