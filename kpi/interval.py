"""Exact intervals of the real line and finite unions of them.

An :class:`Interval` has two ends; each end is a number (or ``None`` for an
infinite end) and a :class:`Bound` that says whether the end belongs to the
interval. Sets of values are tuples of disjoint intervals in ascending order,
the form :func:`union` returns. Their canonical text is
``[80, 89] | [90, +∞)``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NoReturn

import attrs

from kpi.exact import format_number, to_fraction

__all__ = ["Bound", "Interval", "complement", "difference", "intersection", "union"]

Number = Decimal | Fraction


class Bound(enum.Enum):
    """Whether an end of an interval belongs to it.

    Its truth value raises: write ``bound is Bound.CLOSED``, never ``if bound:``.
    """

    CLOSED = "closed"
    OPEN = "open"

    def __bool__(self) -> NoReturn:
        raise TypeError("a Bound has no truth value; compare it with Bound.CLOSED")

    def flip(self) -> Bound:
        """The other kind of bound."""
        return Bound.OPEN if self is Bound.CLOSED else Bound.CLOSED


CLOSED = Bound.CLOSED
OPEN = Bound.OPEN


def _check_end(inst: Interval, attribute: attrs.Attribute[Number | None], value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, Decimal | Fraction):
        raise TypeError(
            f"Interval.{attribute.name} must be a Decimal, a Fraction or None, "
            f"not {type(value).__name__} {value!r}"
        )
    if isinstance(value, Decimal) and not value.is_finite():
        raise ValueError(
            f"Interval.{attribute.name} must be finite (use None for an infinite end), "
            f"not {value!r}"
        )


@attrs.frozen(order=False)
class Interval:
    """An interval with exact ends; ``None`` is an infinite end, always open."""

    lower: Number | None = attrs.field(validator=_check_end)
    upper: Number | None = attrs.field(validator=_check_end)
    left: Bound = attrs.field(default=CLOSED, validator=attrs.validators.instance_of(Bound))
    right: Bound = attrs.field(default=CLOSED, validator=attrs.validators.instance_of(Bound))

    def __attrs_post_init__(self) -> None:
        if self.lower is None and self.left is CLOSED:
            object.__setattr__(self, "left", OPEN)
        if self.upper is None and self.right is CLOSED:
            object.__setattr__(self, "right", OPEN)

    @classmethod
    def point(cls, value: Number) -> Interval:
        """The interval ``[value, value]``."""
        return cls(value, value, CLOSED, CLOSED)

    @classmethod
    def at_least(cls, value: Number, bound: Bound = CLOSED) -> Interval:
        """``[value, +∞)``, or ``(value, +∞)`` with an open bound."""
        return cls(value, None, bound, OPEN)

    @classmethod
    def at_most(cls, value: Number, bound: Bound = CLOSED) -> Interval:
        """``(-∞, value]``, or ``(-∞, value)`` with an open bound."""
        return cls(None, value, OPEN, bound)

    @classmethod
    def compare(cls, kind: str, value: Number) -> Interval:
        """The values that compare to *value* as *kind* says: ``">="`` gives
        ``[value, +∞)``, ``">"`` ``(value, +∞)``, ``"<="`` ``(-∞, value]``,
        ``"<"`` ``(-∞, value)`` and ``"="`` ``[value, value]``."""
        if kind == ">=":
            return cls.at_least(value, CLOSED)
        if kind == ">":
            return cls.at_least(value, OPEN)
        if kind == "<=":
            return cls.at_most(value, CLOSED)
        if kind == "<":
            return cls.at_most(value, OPEN)
        if kind == "=":
            return cls.point(value)
        raise ValueError(f"kind must be one of >=, >, <=, <, =, not {kind!r}")

    @classmethod
    def everything(cls) -> Interval:
        """``(-∞, +∞)``."""
        return cls(None, None, OPEN, OPEN)

    @property
    def is_empty(self) -> bool:
        """True when no number lies in the interval."""
        if self.lower is None or self.upper is None:
            return False
        if self.lower < self.upper:
            return False
        return not (self.lower == self.upper and self.left is CLOSED and self.right is CLOSED)

    @property
    def is_point(self) -> bool:
        """True for ``[x, x]``."""
        return self.lower is not None and self.lower == self.upper and not self.is_empty

    def contains(self, value: Number) -> bool:
        """Whether *value* lies in the interval, exactly."""
        if self.lower is not None and (
            value < self.lower or (value == self.lower and self.left is OPEN)
        ):
            return False
        return self.upper is None or not (
            value > self.upper or (value == self.upper and self.right is OPEN)
        )

    def __contains__(self, value: Number) -> bool:
        return self.contains(value)

    def map(self, factor: Fraction) -> Interval:
        """The interval scaled by a positive *factor* (a unit conversion)."""
        if factor <= 0:
            raise ValueError(f"a unit factor must be positive, not {factor}")

        def scale(v: Number | None) -> Number | None:
            if v is None or factor == 1:
                return v
            return to_fraction(v) * factor

        return Interval(scale(self.lower), scale(self.upper), self.left, self.right)

    def describe(self, unit: str = "") -> str:
        """Canonical text: ``[95%, +∞)``, ``(-∞, 48小时)``, ``[3, 5)``."""
        lo = "-∞" if self.lower is None else format_number(self.lower) + unit
        hi = "+∞" if self.upper is None else format_number(self.upper) + unit
        return (
            f"{'[' if self.left is CLOSED else '('}{lo}, {hi}{']' if self.right is CLOSED else ')'}"
        )

    def __str__(self) -> str:
        return self.describe()


def _lower_key(iv: Interval) -> tuple[int, Number, int]:
    if iv.lower is None:
        return (0, Decimal(0), 0)
    return (1, iv.lower, 0 if iv.left is CLOSED else 1)


def _touches(a: Interval, b: Interval) -> bool:
    """True when *b*, which starts no earlier than *a*, overlaps or adjoins *a*."""
    if a.upper is None or b.lower is None:
        return True
    if b.lower < a.upper:
        return True
    if b.lower == a.upper:
        return a.right is CLOSED or b.left is CLOSED
    return False


def _max_upper(a: Interval, b: Interval) -> tuple[Number | None, Bound]:
    if a.upper is None or b.upper is None:
        return None, OPEN
    if a.upper > b.upper:
        return a.upper, a.right
    if b.upper > a.upper:
        return b.upper, b.right
    return a.upper, CLOSED if (a.right is CLOSED or b.right is CLOSED) else OPEN


def union(intervals: Iterable[Interval]) -> tuple[Interval, ...]:
    """The disjoint, ascending intervals covering exactly the given ones."""
    items = sorted((iv for iv in intervals if not iv.is_empty), key=_lower_key)
    out: list[Interval] = []
    for iv in items:
        if out and _touches(out[-1], iv):
            last = out[-1]
            upper, right = _max_upper(last, iv)
            out[-1] = Interval(last.lower, upper, last.left, right)
        else:
            out.append(iv)
    return tuple(out)


def _intersect(a: Interval, b: Interval) -> Interval:
    if a.lower is None:
        lower, left = b.lower, b.left
    elif b.lower is None or a.lower > b.lower:
        lower, left = a.lower, a.left
    elif b.lower > a.lower:
        lower, left = b.lower, b.left
    else:
        lower, left = a.lower, OPEN if (a.left is OPEN or b.left is OPEN) else CLOSED
    if a.upper is None:
        upper, right = b.upper, b.right
    elif b.upper is None or a.upper < b.upper:
        upper, right = a.upper, a.right
    elif b.upper < a.upper:
        upper, right = b.upper, b.right
    else:
        upper, right = a.upper, OPEN if (a.right is OPEN or b.right is OPEN) else CLOSED
    return Interval(lower, upper, left, right)


def intersection(a: Sequence[Interval], b: Sequence[Interval]) -> tuple[Interval, ...]:
    """The values in both sets."""
    return union(_intersect(x, y) for x in a for y in b)


def complement(a: Sequence[Interval]) -> tuple[Interval, ...]:
    """The values in no interval of the set (the set must come from :func:`union`)."""
    out: list[Interval] = []
    lower: Number | None = None
    left = OPEN
    for iv in a:
        if iv.lower is not None:
            out.append(Interval(lower, iv.lower, left, iv.left.flip()))
        if iv.upper is None:
            return union(out)
        lower, left = iv.upper, iv.right.flip()
    out.append(Interval(lower, None, left, OPEN))
    return union(out)


def difference(a: Sequence[Interval], b: Sequence[Interval]) -> tuple[Interval, ...]:
    """The values in *a* and not in *b*."""
    return intersection(a, complement(union(b)))


def describe_set(intervals: Sequence[Interval], unit: str = "") -> str:
    """Canonical text of a set: ``[0, 1) | [2, 3]``; ``∅`` for the empty set."""
    if not intervals:
        return "∅"
    return " | ".join(iv.describe(unit) for iv in intervals)
