"""Units of measure: what a unit word means and how units convert, exactly.

There is one pint registry for the package, built on first use with
``non_int_type=Decimal`` from ``grammar/units.txt``. It is consulted only to
compute the factor between two units; factors are cached, so grading never
calls pint. A factor that is not a finite decimal (亩 to 平方米) comes out of
pint as a rounded Decimal; it is recovered as the exact fraction it rounds
(see :func:`conversion_factor`).
"""

from __future__ import annotations

import decimal
import functools
import re
import threading
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import attrs

from kpi.errors import UnitMismatchError, VocabularyError
from kpi.resources import grammar_file

if TYPE_CHECKING:
    import pint

    from kpi.vocabulary import Vocabulary

__all__ = ["Unit", "conversion_factor", "registry"]

# Unit factors are ratios of integers far below this bound; pint's Decimal
# arithmetic at _PRECISION digits rounds a factor such as 2000/3 to a decimal
# whose denominator is far above it, and the bound tells the two apart.
_MAX_DENOMINATOR = 10**18
_PRECISION = 60


@attrs.frozen
class Unit:
    """A unit as it appears in a threshold.

    ``word`` is the display form (``%``, ``小时``, ``次``, ``元/人·月``);
    ``pint`` the expression pint converts with; ``dimension`` a human name
    such as ``"time"``. Counting words (次, 人, 件) all have the pint unit
    ``count`` and keep their own word.
    """

    word: str
    pint: str = attrs.field(eq=False)
    dimension: str = attrs.field(eq=False)

    def __str__(self) -> str:
        return self.word

    def compatible(self, other: Unit) -> bool:
        """Whether values in *other* convert into this unit."""
        try:
            conversion_factor(other.pint, self.pint)
        except UnitMismatchError:
            return False
        return True


_lock = threading.Lock()
_registry: pint.UnitRegistry[Decimal] | None = None


def registry() -> pint.UnitRegistry[Decimal]:
    """kpi's one pint registry (built on first call)."""
    global _registry
    with _lock:
        if _registry is None:
            import pint

            with decimal.localcontext(prec=_PRECISION):
                reg: pint.UnitRegistry[Decimal] = pint.UnitRegistry(None, non_int_type=Decimal)
                text = grammar_file("units.txt").read_text(encoding="utf-8")
                reg.load_definitions(text.splitlines())
            _registry = reg
        return _registry


def define(definition: str) -> None:
    """Add one pint definition line (``jin = 500 * gram``) to the registry.

    Raises :class:`~kpi.VocabularyError` when pint cannot read it.
    """
    import pint

    reg = registry()
    with _lock, decimal.localcontext(prec=_PRECISION):
        try:
            reg.define(definition)
            reg.get_base_units(definition.split("=", 1)[0].strip())
        except (pint.errors.PintError, ValueError, TypeError, SyntaxError) as exc:
            raise VocabularyError(f"cannot define unit {definition!r}: {exc}", str(exc)) from None
    conversion_factor.cache_clear()


def _exact(value: Decimal) -> Fraction:
    """The fraction that *value* is, or that pint rounded to *value*."""
    frac = Fraction(value)
    if frac.denominator <= _MAX_DENOMINATOR:
        return frac
    recovered = frac.limit_denominator(_MAX_DENOMINATOR)
    if abs(recovered - frac) * 10**40 > abs(frac):
        raise ArithmeticError(f"unit factor {value} is not a ratio of small integers")
    return recovered


@functools.lru_cache(maxsize=4096)
def conversion_factor(source: str, target: str) -> Fraction:
    """The exact number a value in *source* is multiplied by to be in *target*.

    Raises :class:`~kpi.UnitMismatchError` when the two do not convert.
    """
    import pint

    reg = registry()
    with decimal.localcontext(prec=_PRECISION):
        try:
            ratio = (reg.parse_expression(source) / reg.parse_expression(target)).to(
                "dimensionless"
            )
        except pint.DimensionalityError:
            raise UnitMismatchError(f"{source} does not convert to {target}") from None
        magnitude = Decimal(ratio.magnitude)
    return _exact(magnitude)


def unit_from_match(match: re.Match[str], vocabulary: Vocabulary) -> Unit:
    """The :class:`Unit` of a match of the compound unit pattern.

    ``元/人·月`` is 元 per (人 × 月); ``次/30秒`` is 次 per 30 秒. The display
    word uses each part's first spelling (``h`` shows as ``小时``), except
    counting words, which keep their own.
    """
    top = vocabulary.unit_by_word[match["top"]]
    if match["under"] is None:
        return Unit(top.words[0], top.pint, top.dimension)
    words = re.split(r"[·・*]", match["under"])
    parts = [vocabulary.unit_by_word[w] for w in words]
    per = match["per"] or ""
    word = f"{match['top']}/{per}{'·'.join(words)}"
    under = " * ".join(f"({p.pint})" for p in parts)
    if per:
        under = f"{int(per)} * {under}"
    dimension = f"{top.dimension} per {' and '.join(p.dimension for p in parts)}"
    return Unit(word, f"({top.pint}) / ({under})", dimension)
