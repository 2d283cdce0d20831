"""What one rubric cell means: a set of values, a label, or nothing."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from kpi.errors import LabelError, UnitMismatchError
from kpi.exact import to_fraction
from kpi.interval import Interval, describe_set, union
from kpi.units import Unit, conversion_factor

if TYPE_CHECKING:
    from kpi.values import ValueLike

__all__ = ["Kind", "Threshold"]

EMPTY_TEXT = "—"


class Kind(enum.Enum):
    """What a threshold holds."""

    NUMERIC = "numeric"
    """A set of numbers, in one unit or none."""
    LABEL = "label"
    """A qualitative label such as 圆满完成."""
    EMPTY = "empty"
    """Nothing: the cell was empty (``—``, ``无``, blank); the tier is undefined."""


def _intervals(value: Sequence[Interval]) -> tuple[Interval, ...]:
    return union(value)


@attrs.frozen
class Threshold:
    """The meaning of one cell, as :func:`kpi.parse` reads it.

    A numeric threshold is a union of disjoint :class:`~kpi.Interval` in one
    :class:`~kpi.Unit` (or none); a label threshold is a text such as
    ``圆满完成`` with an optional note; an empty threshold contains nothing.
    ``str()`` gives the canonical notation, and ``kpi.parse(str(t)) == t``.
    ``text`` keeps the cell as written and takes no part in equality.
    """

    intervals: tuple[Interval, ...] = attrs.field(default=(), converter=_intervals)
    unit: Unit | None = None
    label: str | None = None
    note: str | None = None
    text: str = attrs.field(default="", eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        if self.label is not None and (self.intervals or self.unit is not None):
            raise ValueError("a label threshold has no intervals and no unit")
        if self.label is None and self.note is not None:
            raise ValueError("only a label threshold has a note")
        if self.label is None and not self.intervals and self.unit is not None:
            raise ValueError("an empty threshold has no unit")

    # ---------------------------------------------------------------- kinds

    @classmethod
    def empty(cls, text: str = "") -> Threshold:
        """The threshold of an empty cell."""
        return cls(text=text)

    @classmethod
    def of_label(cls, label: str, note: str | None = None, text: str = "") -> Threshold:
        """A qualitative threshold."""
        written = label if note is None else f"{label}({note})"
        return cls(label=label, note=note, text=text or written)

    @property
    def kind(self) -> Kind:
        """:attr:`Kind.NUMERIC`, :attr:`Kind.LABEL` or :attr:`Kind.EMPTY`."""
        if self.label is not None:
            return Kind.LABEL
        return Kind.NUMERIC if self.intervals else Kind.EMPTY

    @property
    def is_empty(self) -> bool:
        """True for the threshold of an empty cell."""
        return self.kind is Kind.EMPTY

    @property
    def is_label(self) -> bool:
        """True for a qualitative threshold."""
        return self.kind is Kind.LABEL

    @property
    def is_numeric(self) -> bool:
        """True for a set of numbers."""
        return self.kind is Kind.NUMERIC

    # ---------------------------------------------------------------- text

    def __str__(self) -> str:
        if self.label is not None:
            return self.label if self.note is None else f"{self.label}({self.note})"
        if not self.intervals:
            return EMPTY_TEXT
        unit = self.unit.word if self.unit else ""
        if unit and self.intervals == (Interval.everything(),):
            return f"(-∞, +∞){unit}"  # no finite end to carry the unit
        return describe_set(self.intervals, unit)

    def __repr__(self) -> str:
        return f"<Threshold {str(self)!r}>"

    # ---------------------------------------------------------------- values

    def in_unit(self, unit: Unit | None) -> tuple[Interval, ...]:
        """The intervals with their ends in *unit* (exact fractions).

        A threshold without a unit is read in *unit* as it stands.
        """
        if self.unit is None or unit is None or self.unit == unit:
            return self.intervals
        try:
            factor = conversion_factor(self.unit.pint, unit.pint)
        except UnitMismatchError:
            raise UnitMismatchError(
                f"threshold {str(self)!r} is in {self.unit.word} ({self.unit.dimension}), "
                f"which does not convert to {unit.word} ({unit.dimension})"
            ) from None
        return tuple(iv.map(factor) for iv in self.intervals)

    def contains(self, value: ValueLike) -> bool:
        """Whether *value* lies in the threshold, exactly.

        A bare number is read in the threshold's own unit; a value with a unit
        is converted to it; a threshold without a unit refuses a value with
        one. A label threshold contains its label (after normalisation).
        """
        from kpi.values import Label, read_value

        value_read = read_value(value)
        if self.kind is Kind.EMPTY:
            return False
        if self.kind is Kind.LABEL:
            if not isinstance(value_read, Label):
                raise LabelError(
                    f"threshold {str(self)!r} is a label; expected a label, "
                    f"found the number {value_read}"
                )
            return value_read.text == self.label
        if isinstance(value_read, Label):
            raise LabelError(
                f"threshold {str(self)!r} holds numbers; expected a number, "
                f"found the label {value_read.text!r}"
            )
        number: Fraction = to_fraction(value_read.number)
        if value_read.unit is not None:
            if self.unit is None:
                raise UnitMismatchError(
                    f"threshold {str(self)!r} has no unit; expected a bare number, "
                    f"found {value_read}"
                )
            if value_read.unit != self.unit:
                try:
                    number *= conversion_factor(value_read.unit.pint, self.unit.pint)
                except UnitMismatchError:
                    raise UnitMismatchError(
                        f"value {value_read} is in {value_read.unit.word} "
                        f"({value_read.unit.dimension}), which does not convert to "
                        f"{self.unit.word} ({self.unit.dimension}) of threshold {str(self)!r}"
                    ) from None
        return any(iv.contains(number) for iv in self.intervals)

    def __contains__(self, value: ValueLike) -> bool:
        return self.contains(value)
