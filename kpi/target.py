"""Reading a single target (年度指标值): which bound it sets and which rule scores it.

A single-target indicator has one threshold such as ``≥95%``, ``≤10天``,
``=100%`` or a bare ``100%``. :func:`read_target` turns it into a
:class:`TargetReading`: the bound T, whether T itself meets the target, the
reading (a minimum, a maximum or an exact value) and the scoring
:class:`Rule`. A bare value has no direction of its own; it is read as a
minimum for a higher-is-better indicator and as a maximum for a
lower-is-better one (costs, times, error rates: :func:`lower_is_better_name`
reads that from the indicator's name, with the words of
``grammar/scoring.toml``), and the reading says which and why.

>>> import kpi
>>> read_target(kpi.parse("100%"), name="差错率").text
'100% (a single value, read as a maximum: the name 差错率 holds 差错, a lower-is-better word)'
>>> read_target(kpi.parse("=100%")).rule.name
'EQUAL'
"""

from __future__ import annotations

import enum
import functools
import tomllib
import unicodedata
from collections.abc import Mapping
from fractions import Fraction
from typing import Any, Literal

import attrs

from kpi.errors import IndicatorError, PolicyError, UngradableError
from kpi.exact import shown_number, to_fraction
from kpi.interval import CLOSED
from kpi.policy import Direction
from kpi.resources import grammar_file
from kpi.threshold import Threshold
from kpi.units import Unit

__all__ = [
    "DirectionLike",
    "Reading",
    "Rule",
    "TargetReading",
    "as_direction",
    "as_rule",
    "lower_is_better_name",
    "read_target",
    "scoring_words",
]

Reading = Literal["minimum", "maximum", "exact"]
Side = Literal["higher", "lower"]
DirectionLike = Side | str | Direction


class Rule(enum.Enum):
    """A scoring rule; the value is how the rule is named in output."""

    HIGHER_PROPORTIONAL = "higher-is-better: weight × actual / target"
    LOWER_RATIO = "lower-is-better: weight × target / actual"
    LOWER_LINEAR = (
        "lower-is-better linear: weight × (1 − (actual − target) / target), 0 at twice the target"
    )
    EQUAL = (
        "equal-to: with a target of 0, full weight if actual ≤ 0, else 0; "
        "a target above 0 is scored as higher-is-better"
    )
    QUALITATIVE = "qualitative: weight × the fraction of the level (达成/部分达成/未达成)"
    TIERED = "tiered: weight × the fraction of the grade (优/良/中/差)"

    def __str__(self) -> str:
        return self.value


TARGET_RULES = (Rule.HIGHER_PROPORTIONAL, Rule.LOWER_RATIO, Rule.LOWER_LINEAR, Rule.EQUAL)


@functools.cache
def scoring_words() -> Mapping[str, Any]:
    """The data of ``grammar/scoring.toml``: national bands, levels, direction words."""
    return tomllib.loads(grammar_file("scoring.toml").read_text(encoding="utf-8"))


def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def lower_is_better_name(name: str) -> str | None:
    """The word that makes *name* lower-is-better, or None.

    A name is lower-is-better when it holds a word of
    ``[direction].lower`` and no word of ``[direction].higher``
    (``grammar/scoring.toml``).

    >>> lower_is_better_name("公文差错率")
    '差错'
    >>> lower_is_better_name("故障处理及时率") is None
    True
    """
    words = scoring_words()["direction"]
    folded = _fold(name)
    if any(_fold(w) in folded for w in words["higher"]):
        return None
    found = [w for w in words["lower"] if _fold(w) in folded]
    return max(found, key=len) if found else None


@attrs.frozen
class TargetReading:
    """A numeric target as read.

    ``bound`` is T in the indicator's unit; ``closed`` whether T itself meets
    the target; ``reading`` ``"minimum"``, ``"maximum"`` or ``"exact"``;
    ``rule`` the scoring rule; ``text`` the target as reasons show it, with
    how a bare value was read.
    """

    bound: Fraction
    closed: bool
    reading: Reading
    rule: Rule
    text: str
    unit: str = ""

    @property
    def side(self) -> Side:
        """``"higher"`` for a minimum or an equal-to target, ``"lower"`` for a maximum."""
        return "lower" if self.reading == "maximum" else "higher"


def as_direction(direction: DirectionLike | None) -> Side | None:
    """``"higher"``, ``"lower"`` or None, from a word or a :class:`~kpi.Direction`."""
    if direction is None:
        return None
    if direction in ("higher", Direction.HIGHER_IS_BETTER, Direction.HIGHER_IS_BETTER.value):
        return "higher"
    if direction in ("lower", Direction.LOWER_IS_BETTER, Direction.LOWER_IS_BETTER.value):
        return "lower"
    raise PolicyError(f"direction must be 'higher' or 'lower', not {direction!r}")


def as_rule(rule: Rule | str | None) -> Rule | None:
    """The :class:`Rule` named *rule* (``"LOWER_LINEAR"`` or ``"lower-linear"``)."""
    if rule is None or isinstance(rule, Rule):
        return rule
    if isinstance(rule, str):
        found = Rule.__members__.get(rule.strip().upper().replace("-", "_"))
        if found is not None:
            return found
    names = ", ".join(Rule.__members__)
    raise PolicyError(f"rule must be one of {names}, not {rule!r}")


def _is_equal_to(target: Threshold) -> bool:
    """True when the cell was written with an equals sign (``=100%``)."""
    return unicodedata.normalize("NFKC", target.text).strip().startswith("=")


def read_target(
    target: Threshold,
    direction: DirectionLike | None = None,
    rule: Rule | str | None = None,
    *,
    unit: Unit | None = None,
    name: str = "",
) -> TargetReading:
    """Read *target* for scoring.

    ``≥T``/``>T`` is a minimum, ``≤T``/``<T`` a maximum. A single value is
    an equal-to target when written ``=T`` (or with ``rule=Rule.EQUAL``);
    a bare ``T`` is a minimum or a maximum by *direction*, else by the
    indicator's *name* (:func:`lower_is_better_name`), else a minimum. *unit*
    is the indicator's unit: the bound is converted into it exactly.

    Raises :class:`~kpi.IndicatorError` for a target that is not one bound
    or value, or that contradicts *direction* or *rule*;
    :class:`~kpi.UngradableError` for an empty target.
    """
    side = as_direction(direction)
    chosen = as_rule(rule)
    canonical = str(target)
    if target.is_empty:
        raise UngradableError("the target is empty, so no score can be given")
    if target.is_label:
        raise IndicatorError(
            f"the target {canonical!r} is qualitative; it is scored by the level of the "
            "actual (达成/部分达成/未达成), not by a number"
        )
    if chosen is not None and chosen not in TARGET_RULES:
        raise IndicatorError(
            f"rule {chosen.name} scores a level or a grade, not a numeric target; "
            "use score_qualitative or score_grade"
        )
    shown_unit = unit or target.unit
    word = shown_unit.word if shown_unit else ""
    (interval, *rest) = target.in_unit(unit) if unit is not None else target.intervals
    one_sided = (interval.lower is None) != (interval.upper is None)
    if rest or not (one_sided or interval.is_point):
        raise IndicatorError(
            f"the target {canonical!r} is not a single bound; scoring needs ≥T, >T, ≤T, <T "
            "or a single value T"
        )
    if interval.is_point:
        assert interval.lower is not None
        bound = to_fraction(interval.lower)
        if chosen is None and side is None and _is_equal_to(target):
            chosen = Rule.EQUAL
        if chosen is Rule.EQUAL:
            if bound < 0:
                raise IndicatorError(
                    f"the equal-to rule is defined for a target of 0 or more, not {canonical!r}"
                )
            if side == "lower" and bound > 0:
                raise IndicatorError(
                    f"the equal-to rule scores a target above 0 as higher-is-better, "
                    f"but direction 'lower' was given for {canonical!r}"
                )
            return TargetReading(
                bound, True, "exact", Rule.EQUAL, f"={shown_number(bound)}{word}", word
            )
        implied = None if chosen is None else _side_of(chosen)
        if side is not None and implied is not None and side != implied:
            raise IndicatorError(
                f"rule {chosen.name if chosen else ''} is for {implied}-is-better targets, "
                f"but direction {side!r} was given for {canonical!r}"
            )
        why = ""
        if side is None and implied is None:
            lower_word = lower_is_better_name(name) if name else None
            if lower_word is not None:
                side = "lower"
                why = f": the name {name} holds {lower_word}, a lower-is-better word"
            else:
                side = "higher"
                why = (
                    f": the name {name} holds no lower-is-better word"
                    if name
                    else ": no direction was given"
                )
        side = side or implied
        assert side is not None
        reading = _reading_of(side)
        text = (
            f"{shown_number(bound)}{word} (a single value, read as a {reading}"
            f"{why or f' for a {side}-is-better indicator'})"
        )
        return TargetReading(bound, True, reading, chosen or _default(side), text, word)
    if interval.upper is None:
        assert interval.lower is not None
        found_side: Side = "higher"
        end, closed = interval.lower, interval.left is CLOSED
        sign = "≥" if closed else ">"
    else:
        found_side, end, closed = "lower", interval.upper, interval.right is CLOSED
        sign = "≤" if closed else "<"
    if side is not None and side != found_side:
        raise IndicatorError(
            f"the target {canonical!r} is a {_reading_of(found_side)} "
            f"({found_side}-is-better), but direction {side!r} was given"
        )
    if chosen is Rule.EQUAL:
        raise IndicatorError(
            f"rule EQUAL needs a single-value target such as =100%, not {canonical!r}"
        )
    if chosen is not None and _side_of(chosen) != found_side:
        raise IndicatorError(
            f"rule {chosen.name} is for {_side_of(chosen)}-is-better targets, "
            f"but the target {canonical!r} is a {_reading_of(found_side)}"
        )
    bound = to_fraction(end)
    return TargetReading(
        bound,
        closed,
        _reading_of(found_side),
        chosen or _default(found_side),
        f"{sign}{shown_number(bound)}{word}",
        word,
    )


def _side_of(rule: Rule) -> Side:
    return "higher" if rule in (Rule.HIGHER_PROPORTIONAL, Rule.EQUAL) else "lower"


def _default(side: Side) -> Rule:
    return Rule.HIGHER_PROPORTIONAL if side == "higher" else Rule.LOWER_RATIO


def _reading_of(side: Side) -> Reading:
    return "minimum" if side == "higher" else "maximum"
