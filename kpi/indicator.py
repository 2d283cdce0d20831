"""An indicator: a name and one threshold per grade of a scale.

>>> import kpi
>>> ind = kpi.Indicator("事项督查反馈率", {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"})
>>> ind.direction
<Direction.HIGHER_IS_BETTER: 'higher-is-better'>
>>> str(ind.unit)
'%'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

import attrs

from kpi.compiled import Compiled
from kpi.errors import (
    ArgumentTypeError,
    IndicatorError,
    PolicyError,
    UngradableError,
    UnitMismatchError,
    ValueReadError,
)
from kpi.exact import format_number, to_fraction
from kpi.grades import Grade, ScaleGrade, scale_for_labels
from kpi.interval import Interval
from kpi.parser import current_reader, parse
from kpi.policy import (
    Decision,
    Direction,
    GapPolicy,
    Segments,
    Tier,
    choose,
    compile_tiers,
    effective_regions,
    infer_direction,
)
from kpi.scoring import Number, exact_number
from kpi.target import DirectionLike, Rule, Side, TargetReading, as_direction, as_rule, read_target
from kpi.threshold import Kind, Threshold
from kpi.units import Unit, conversion_factor

__all__ = ["Edge", "Indicator"]

Cell = str | Threshold | None
TierSpec = (
    Mapping[str, Cell]
    | Mapping[ScaleGrade, Cell]
    | Mapping[str | ScaleGrade, Cell]
    | Sequence[Cell]
)

# A trailing parenthetical of a name: 系统全年累计故障时长（小时）
_NAME_UNIT = re.compile(r"\(([^()]*)\)\s*$")


@attrs.frozen
class Edge:
    """A boundary point of an indicator and the grade just below, at and just
    above it (``None`` where the gap policy ``"error"`` gives no grade)."""

    value: Fraction
    unit: Unit | None
    below: ScaleGrade | None
    at: ScaleGrade | None
    above: ScaleGrade | None

    def __str__(self) -> str:
        unit = self.unit.word if self.unit else ""
        at = f"{format_number(self.value)}{unit}"
        return f"{at}: {self.below} below, {self.at} at, {self.above} above"


def _as_threshold(cell: str | Threshold | None) -> Threshold:
    if cell is None:
        return Threshold.empty()
    if isinstance(cell, Threshold):
        return cell
    if isinstance(cell, str):
        return parse(cell)
    raise ArgumentTypeError(
        f"a tier is a str, a Threshold or None, not {type(cell).__name__} {cell!r}"
    )


def as_policy(gap: str | GapPolicy) -> GapPolicy:
    """The :class:`GapPolicy` named *gap*; :class:`~kpi.PolicyError` if none is."""
    return choose(GapPolicy, gap, "gap")


def name_unit(name: str) -> Unit | None:
    """The unit in the trailing parenthetical of an indicator's name, if it
    is one: ``系统全年累计故障时长（小时）`` gives 小时, ``儿童数（0-6岁）`` nothing."""
    reader = current_reader()
    found = _NAME_UNIT.search(reader.normalize(name).text)
    if not found:
        return None
    return reader.unit(found.group(1).strip())


@attrs.frozen(init=False)
class Indicator:
    """An indicator: one threshold per grade, or one target, and a weight.

    ``tiers`` is a mapping from grade (or its label, ``"优"``) to a cell
    (text, :class:`~kpi.Threshold` or ``None`` for an empty tier), or a list of
    cells, best first. The scale is inferred from the labels, or given.
    ``target`` is the single 年度指标值 of a single-target indicator
    (``"≥95%"``, ``"≤10天"``, ``"=100%"``, a bare ``"100%"`` or a label
    such as ``"达到预期"``); ``direction`` (``"higher"`` or ``"lower"``) says
    how a bare target is read, and ``rule`` picks the scoring rule
    (:class:`~kpi.Rule`). ``weight`` is the indicator's points (分值). The unit
    comes from ``unit=``, else from the name's trailing parenthetical
    (``（小时）``), else from the tiers or the target; bare numbers in tiers
    and values are read in it.

    >>> import kpi
    >>> ind = kpi.Indicator("公文差错率", target="100%", weight=10)
    >>> ind.reading.reading, ind.direction
    ('maximum', <Direction.LOWER_IS_BETTER: 'lower-is-better'>)
    """

    name: str
    thresholds: tuple[tuple[ScaleGrade, Threshold], ...]
    scale: type[ScaleGrade]
    unit: Unit | None
    gap: GapPolicy
    target: Threshold | None = None
    weight: Number | None = None
    rule: Rule | None = None
    better: Side | None = None
    _tiers: tuple[Tier, ...] = attrs.field(default=(), eq=False, repr=False)
    _direction: Direction = attrs.field(default=Direction.UNKNOWN, eq=False, repr=False)
    _reading: TargetReading | None = attrs.field(default=None, eq=False, repr=False)
    _compiled: dict[GapPolicy | str | None, Compiled] = attrs.field(
        factory=dict, eq=False, repr=False
    )

    def __init__(
        self,
        name: str,
        tiers: TierSpec | None = None,
        *,
        target: str | Threshold | None = None,
        weight: Decimal | Fraction | int | float | None = None,
        direction: DirectionLike | None = None,
        rule: Rule | str | None = None,
        scale: type[ScaleGrade] | None = None,
        unit: str | Unit | None = None,
        gap: str | GapPolicy = GapPolicy.WORSE,
    ) -> None:
        if not isinstance(name, str):
            raise ArgumentTypeError(f"an indicator's name is a str, not {type(name).__name__}")
        try:
            policy = as_policy(gap)
            better = as_direction(direction)
            chosen = as_rule(rule)
        except PolicyError as exc:
            raise PolicyError(f"indicator {name!r}: {exc}") from None
        if tiers is None and target is None:
            raise IndicatorError(
                f"indicator {name!r}: give its tiers (优/良/中/差) or a single target"
            )
        scale, pairs = _read_tiers(name, {} if tiers is None else tiers, scale)
        goal = None if target is None else _as_threshold(target)
        weighed = None if weight is None else _read_weight(name, weight)
        resolved = _resolve_unit(name, unit, [*pairs, *_target_pair(goal)])
        kinds = {t.kind for _, t in pairs} - {Kind.EMPTY}
        if kinds == {Kind.NUMERIC, Kind.LABEL}:
            numeric = next(g for g, t in pairs if t.is_numeric)
            label = next(g for g, t in pairs if t.is_label)
            raise IndicatorError(
                f"indicator {name!r} mixes numbers and labels: tier {numeric} is "
                f"{str(dict(pairs)[numeric])!r} but tier {label} is {str(dict(pairs)[label])!r}"
            )
        converted = [(g, _in_unit(name, g, t, resolved)) for g, t in pairs]
        tier_list = tuple(effective_regions(converted))
        reading = _read_goal(name, goal, better, chosen, resolved)
        if kinds == {Kind.LABEL}:
            found = Direction.QUALITATIVE
        elif kinds or reading is None:
            found = (
                Direction.QUALITATIVE
                if goal is not None and goal.is_label and not kinds
                else infer_direction(tier_list)
            )
        else:
            found = (
                Direction.LOWER_IS_BETTER if reading.side == "lower" else Direction.HIGHER_IS_BETTER
            )
        self.__attrs_init__(
            name,
            tuple(pairs),
            scale,
            resolved,
            policy,
            goal,
            weighed,
            chosen,
            better,
            tier_list,
            found,
            reading,
            {},
        )

    # ---------------------------------------------------------------- views

    @property
    def tiers(self) -> dict[ScaleGrade, Threshold]:
        """The threshold of each grade, best first."""
        return dict(self.thresholds)

    @property
    def direction(self) -> Direction:
        """Higher-is-better, lower-is-better, a target band, qualitative, or unknown."""
        return self._direction

    @property
    def is_qualitative(self) -> bool:
        """True when the tiers are labels such as 圆满完成."""
        return self._direction is Direction.QUALITATIVE

    @property
    def is_tiered(self) -> bool:
        """True when at least one tier holds a threshold: the indicator is graded."""
        return any(not t.is_empty for _, t in self.thresholds)

    @property
    def is_gradable(self) -> bool:
        """False when every tier is empty (a single-target indicator is scored,
        not graded: see :attr:`has_target`)."""
        return self.is_tiered

    @property
    def has_target(self) -> bool:
        """True when the indicator has a single target that is not empty."""
        return self.target is not None and not self.target.is_empty

    @property
    def reading(self) -> TargetReading | None:
        """How a numeric target is read: its bound, reading and rule (None
        without a numeric target)."""
        return self._reading

    def tier(self, grade: ScaleGrade | str) -> Tier:
        """The tier of *grade*, its thresholds in the indicator's unit."""
        if isinstance(grade, str):
            grade = self.scale.from_label(grade)
        for tier in self._tiers:
            if tier.grade is grade:
                return tier
        raise KeyError(f"{grade!r} is not a grade of indicator {self.name!r}")

    def compiled(self, gap: GapPolicy | str | None = None) -> Segments:
        """The exact compiled form for a gap policy (the indicator's own by default)."""
        return self.fast(gap).segments

    def fast(self, gap: GapPolicy | str | None = None) -> Compiled:
        """The compiled form for a gap policy, with its float guard bands
        (:mod:`kpi.compiled`); built once and kept."""
        found = self._compiled.get(gap)  # None: the indicator's own policy
        if found is not None:
            return found
        policy = self.gap if gap is None else as_policy(gap)
        found = self._compiled.get(policy)
        if found is None:
            segments = compile_tiers(self._tiers, self._direction, self.scale.worst(), policy)
            numeric = self.is_tiered and not self.is_qualitative
            found = Compiled.of(segments, numeric=numeric)
            self._compiled[policy] = found
        if gap is None:
            self._compiled[None] = found
        return found

    def decision(self, x: Fraction, gap: GapPolicy | str | None = None) -> Decision:
        """The decision for the number *x* in the indicator's unit."""
        return self.compiled(gap).decision(x)

    def edges(self, gap: GapPolicy | str | None = None) -> tuple[Edge, ...]:
        """Every boundary point with the grade just below, at and just above it."""
        seg = self.compiled(gap)
        return tuple(
            Edge(p, self.unit, seg.between[i].grade, seg.at[i].grade, seg.between[i + 1].grade)
            for i, p in enumerate(seg.points)
        )

    def __repr__(self) -> str:
        parts = [f"{g}: {t}" for g, t in self.thresholds if self.is_tiered or self.target is None]
        if self.target is not None:
            parts.append(f"target: {self.target}")
        if self.weight is not None:
            parts.append(f"weight: {format_number(self.weight)}")
        return f"<Indicator {self.name!r} {' | '.join(parts)}>"


def _read_tiers(
    name: str, tiers: TierSpec, scale: type[ScaleGrade] | None
) -> tuple[type[ScaleGrade], list[tuple[ScaleGrade, Threshold]]]:
    if isinstance(tiers, Mapping):
        keys = list(tiers)
        if scale is None:
            labels = [k.name if isinstance(k, ScaleGrade) else str(k) for k in keys]
            typed = {type(k) for k in keys if isinstance(k, ScaleGrade)}
            scale = (
                typed.pop() if len(typed) == 1 else (scale_for_labels(labels) if labels else Grade)
            )
            if scale is None:
                raise IndicatorError(
                    f"indicator {name!r}: cannot tell the scale from the tiers "
                    f"{'/'.join(labels)}; pass scale="
                )
        cells: dict[ScaleGrade, Threshold] = {}
        for key, cell in tiers.items():
            try:
                grade = key if isinstance(key, ScaleGrade) else scale.from_label(str(key))
            except KeyError as exc:
                raise IndicatorError(f"indicator {name!r}: {exc.args[0]}") from None
            if type(grade) is not scale:
                raise IndicatorError(
                    f"indicator {name!r}: {grade!r} is not a grade of {scale.__name__}"
                )
            cells[grade] = _as_threshold(cell)
        return scale, [(g, cells.get(g, Threshold.empty())) for g in scale]
    if isinstance(tiers, str) or not isinstance(tiers, Sequence):
        raise ArgumentTypeError(
            f"indicator {name!r}: tiers are a mapping of grade to cell or a list of cells, "
            f"not {type(tiers).__name__}"
        )
    scale = scale or Grade
    grades = list(scale)
    if len(tiers) != len(grades):
        raise IndicatorError(
            f"indicator {name!r}: expected {len(grades)} tiers "
            f"({'/'.join(g.name for g in grades)}), found {len(tiers)}"
        )
    return scale, [(g, _as_threshold(c)) for g, c in zip(grades, tiers, strict=True)]


def _read_weight(name: str, weight: object) -> Number:
    if isinstance(weight, bool) or not isinstance(weight, Decimal | Fraction | int | float):
        raise ArgumentTypeError(
            f"indicator {name!r}: a weight is a Decimal, a Fraction, an int or a float, "
            f"not {type(weight).__name__} {weight!r}"
        )
    try:
        number = exact_number(weight, f"indicator {name!r}: a weight", ArgumentTypeError)
    except ValueReadError as exc:
        raise IndicatorError(str(exc)) from None
    if number < 0:
        raise IndicatorError(
            f"indicator {name!r}: a weight must be 0 or more, not {format_number(number)}"
        )
    return number


def _target_pair(target: Threshold | None) -> list[tuple[ScaleGrade | str, Threshold]]:
    return [] if target is None else [("target", target)]


def _read_goal(
    name: str,
    goal: Threshold | None,
    better: Side | None,
    rule: Rule | None,
    unit: Unit | None,
) -> TargetReading | None:
    if goal is None or not goal.is_numeric:
        if goal is not None and goal.is_label and rule not in (None, Rule.QUALITATIVE):
            raise IndicatorError(
                f"indicator {name!r}: the target {str(goal)!r} is qualitative, "
                f"so rule {rule.name if rule else ''} cannot score it"
            )
        return None
    try:
        return read_target(goal, better, rule, unit=unit, name=name)
    except (IndicatorError, UngradableError) as exc:
        raise IndicatorError(f"indicator {name!r}: {exc}") from None


def _resolve_unit(
    name: str, unit: str | Unit | None, pairs: Iterable[tuple[ScaleGrade | str, Threshold]]
) -> Unit | None:
    if isinstance(unit, str):
        read = current_reader().unit(unit)
        if read is None:
            raise IndicatorError(f"indicator {name!r}: {unit!r} is not a known unit")
        unit = read
    from_name = name_unit(name)
    if unit is not None and from_name is not None:
        _check_convertible(name, from_name, unit, "the unit in its name")
    resolved = unit or from_name
    for grade, threshold in pairs:
        if threshold.unit is None:
            continue
        if resolved is None:
            resolved = threshold.unit
        else:
            what = "the target" if isinstance(grade, str) else f"tier {grade}"
            _check_convertible(name, threshold.unit, resolved, f"{what} {str(threshold)!r}")
    return resolved


def _check_convertible(name: str, unit: Unit, target: Unit, what: str) -> None:
    try:
        conversion_factor(unit.pint, target.pint)
    except UnitMismatchError:
        raise UnitMismatchError(
            f"indicator {name!r}: {what} is in {unit.word} ({unit.dimension}), "
            f"which does not convert to {target.word} ({target.dimension})"
        ) from None


def _in_unit(
    name: str, grade: ScaleGrade, threshold: Threshold, unit: Unit | None
) -> tuple[Interval, ...]:
    if not threshold.is_numeric:
        return ()
    return tuple(
        Interval(
            None if iv.lower is None else to_fraction(iv.lower),
            None if iv.upper is None else to_fraction(iv.upper),
            iv.left,
            iv.right,
        )
        for iv in threshold.in_unit(unit)
    )
