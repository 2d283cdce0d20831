"""Grading many values at once: ``kpi.grade_many``.

Lists and tuples give a list; a numpy array gives an object array of the
same shape; a pandas Series gives a Series with the same index whose values
are an ordered Categorical (差 < 中 < 良 < 优, so comparisons and sorting
follow the scale); a polars Series gives a Series of the Enum of the
scale's labels. numpy, pandas and polars are optional and imported only
when such a value is passed.

A numpy array of numbers is graded in one ``searchsorted`` over the float
guard bands of the compiled indicator (:mod:`kpi.compiled`): the bounds of
the bands, in order, cut the number line into slots, every other one a band,
and a table per slot gives the grade of the stretch between two bands. The
few values that fall inside a band, next to an edge, are decided exactly,
each distinct value once. ``numpy.searchsorted`` alone cannot do this: it
has one side (``left`` or ``right``) for every edge, where a rubric closes
each edge its own way. The tables are built once per compiled indicator.

A missing value (``None``, NaN) gets ``None`` (a missing category in
pandas, a null in polars), and so does a value in no tier under the gap
policy ``"error"``; every other value that cannot be graded raises as
:func:`kpi.grade` does.

>>> import kpi
>>> ind = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])
>>> [str(g) for g in kpi.grade_many(ind, [95, "89.5%", 0.3, None])]
['优', '良', '差', 'None']
"""

from __future__ import annotations

import math
import weakref
from collections.abc import Callable, Iterable, Sequence
from fractions import Fraction
from typing import Any

import attrs

from kpi.compiled import LARGEST_EXACT_INT, Compiled
from kpi.errors import ArgumentTypeError, GapError
from kpi.evaluation import grade
from kpi.exact import float_to_decimal
from kpi.extras import require
from kpi.grades import ScaleGrade
from kpi.indicator import Indicator
from kpi.policy import GapPolicy

__all__ = ["grade_many"]


def grade_many(indicator: Indicator, values: Any, *, gap: GapPolicy | str | None = None) -> Any:
    """The grade of each of *values* on *indicator*, in the shape of *values*.

    See the module documentation for the kinds of *values* and what each
    gives back.
    """
    module = type(values).__module__.split(".")[0]
    if module == "numpy":
        return _grade_array(indicator, values, gap)
    if module == "pandas":
        return _grade_series(indicator, values, gap)
    if module == "polars":
        return _grade_polars(indicator, values, gap)
    if isinstance(values, str | bytes) or not isinstance(values, Iterable):
        raise ArgumentTypeError(
            "grade_many takes a sequence, a numpy array or a pandas or polars Series of "
            f"values, not {type(values).__name__}"
        )
    return [_one(indicator, v, gap) for v in values]


def _missing(value: object) -> bool:
    return value is None or (type(value) is float and math.isnan(value))


def _one(indicator: Indicator, value: Any, gap: GapPolicy | str | None) -> ScaleGrade | None:
    if _missing(value):
        return None
    try:
        return grade(indicator, value, gap=gap)
    except GapError:
        return None


def _grade_array(indicator: Indicator, values: Any, gap: GapPolicy | str | None) -> Any:
    """An object array of grades, the shape of *values*."""
    np = require("numpy")
    array = np.asarray(values)
    fast = indicator.fast(gap)
    if _one_by_one(np, array, fast):
        codes = _codes_one_by_one(indicator, array, gap)
        grades = _objects(np, [*reversed(indicator.scale.grades()), None])  # code -1: None
        return grades[codes].reshape(array.shape)
    numbers = array.astype(np.float64, copy=False).reshape(-1)
    grades = _lookup(indicator, fast, numbers, gap, _table(np, fast).grades, _objects)
    return grades.reshape(array.shape)


def _code(grade: ScaleGrade | None) -> int:
    """The code of *grade* among the scale's grades, worst first; -1 for none."""
    return -1 if grade is None else len(type(grade).grades()) - grade.rank


def _codes(indicator: Indicator, array: Any, gap: GapPolicy | str | None) -> Any:
    """The code of the grade of each value of *array*, flattened (see :func:`_code`)."""
    np = require("numpy")
    fast = indicator.fast(gap)
    if _one_by_one(np, array, fast):
        return _codes_one_by_one(indicator, array, gap)
    numbers = array.astype(np.float64, copy=False).reshape(-1)
    return _lookup(indicator, fast, numbers, gap, _table(np, fast).codes, _code_array)


def _one_by_one(np: Any, array: Any, fast: Compiled) -> bool:
    """Whether *array* is graded value by value, not through the bands: not
    numbers, an indicator the fast path does not grade, or integers a float
    cannot hold exactly."""
    if array.dtype.kind not in "iuf" or not fast.numeric:
        return True
    if array.dtype.kind in "iu" and array.size:
        return bool(np.abs(array).max() >= LARGEST_EXACT_INT)
    return False


def _codes_one_by_one(indicator: Indicator, array: Any, gap: GapPolicy | str | None) -> Any:
    np = require("numpy")
    return np.fromiter(
        (_code(_one(indicator, v.item() if hasattr(v, "item") else v, gap)) for v in array.flat),
        dtype=np.int16,
        count=array.size,
    )


def _code_array(np: Any, grades: Sequence[ScaleGrade | None]) -> Any:
    return np.array([_code(g) for g in grades], dtype=np.int16)


def _lookup(
    indicator: Indicator,
    fast: Compiled,
    numbers: Any,
    gap: GapPolicy | str | None,
    per_slot: Any,
    convert: Callable[[Any, Sequence[ScaleGrade | None]], Any],
) -> Any:
    """The entry of *per_slot* (a code or a grade for every slot of the
    table) for each of the one-dimensional float64 *numbers*, with the
    values inside a band decided exactly and converted by *convert*.

    NaN gives the entry of a missing grade (code -1, ``None``); an infinity
    is graded by :func:`kpi.grade`, which refuses it.
    """
    np = require("numpy")
    table = _table(np, fast)
    slots = np.searchsorted(table.bounds, numbers, side="right")
    out = per_slot.take(slots)
    finite = np.isfinite(numbers)
    all_finite = bool(finite.all())
    # an odd slot is a band: next to an edge (flatnonzero is fastest on bools)
    positions = np.flatnonzero((slots & 1).astype(bool))
    if not all_finite and positions.size:
        positions = positions[finite[positions]]
    if positions.size:
        distinct, inverse = np.unique(numbers[positions], return_inverse=True)
        decided = [_edge(indicator, fast, float(v), gap) for v in distinct.tolist()]
        out[positions] = convert(np, decided)[inverse.reshape(-1)]
    if not all_finite:
        missing = np.isnan(numbers)
        out[missing] = convert(np, [None])[0]
        infinite = np.flatnonzero(~finite & ~missing)
        if infinite.size:
            distinct, inverse = np.unique(numbers[infinite], return_inverse=True)
            graded = [_one(indicator, float(v), gap) for v in distinct.tolist()]
            out[infinite] = convert(np, graded)[inverse.reshape(-1)]
    return out


@attrs.frozen
class _Table:
    """The float guard bands of a compiled indicator as numpy arrays.

    ``bounds`` are the start and the end (exclusive) of each band, strictly
    increasing; bands that touch or overlap are merged (a value in either is
    decided exactly, which is always right). ``searchsorted(bounds, v,
    side="right")`` is then the slot of ``v``: an odd slot is a band, an
    even slot the stretch between two bands. ``codes`` and ``grades`` give
    the code and the grade of each slot (-1 and ``None`` for a band, where
    the value is decided exactly instead).
    """

    bounds: Any
    codes: Any
    grades: Any


_TABLES: dict[int, tuple[weakref.ref[Compiled], _Table]] = {}


def _table(np: Any, fast: Compiled) -> _Table:
    """The table of *fast*, built once and kept while *fast* lives."""
    key = id(fast)
    found = _TABLES.get(key)
    if found is not None and found[0]() is fast:
        return found[1]
    table = _build_table(np, fast)
    _TABLES[key] = (weakref.ref(fast, lambda _: _TABLES.pop(key, None)), table)
    return table


def _build_table(np: Any, fast: Compiled) -> _Table:
    bands: list[list[float]] = []  # [start, end) of each merged band
    after: list[ScaleGrade | None] = []  # the grade of the stretch above each
    for i, (low, high) in enumerate(zip(fast.lows, fast.highs, strict=True)):
        end = math.nextafter(high, math.inf)
        if bands and low <= bands[-1][1]:
            bands[-1][1] = max(bands[-1][1], end)
            after[-1] = fast.between[i + 1]
        else:
            bands.append([low, end])
            after.append(fast.between[i + 1])
    slots: list[ScaleGrade | None] = [fast.between[0]]
    for grade_above in after:
        slots += [None, grade_above]
    bounds = np.array([bound for band in bands for bound in band], dtype=np.float64)
    return _Table(bounds, _code_array(np, slots), _objects(np, slots))


def _objects(np: Any, items: Sequence[object]) -> Any:
    """A one-dimensional object array of *items* (never an array of arrays)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _edge(indicator: Indicator, fast: Compiled, value: float, gap: GapPolicy | str | None) -> Any:
    found = fast.grade_exact(Fraction(float_to_decimal(value)))
    if found is None:
        return _one(indicator, value, gap)
    return found


def _labels(indicator: Indicator) -> list[str]:
    """The scale's labels, worst first: the order of an ordered Categorical."""
    return [g.name for g in reversed(indicator.scale.grades())]


def _grade_series(indicator: Indicator, values: Any, gap: GapPolicy | str | None) -> Any:
    """A Series of an ordered Categorical, with the index of *values*."""
    pd = require("pandas")
    np = require("numpy")
    if values.dtype.kind in "iuf":
        codes = _codes(indicator, values.to_numpy(), gap)
    else:
        found = [_code(_one(indicator, v, gap)) for v in values.tolist()]
        codes = np.array(found, dtype=np.int16)
    labels = _labels(indicator)
    categorical = pd.Categorical.from_codes(codes, categories=labels, ordered=True)
    return pd.Series(categorical, index=values.index, name=values.name)


def _grade_polars(indicator: Indicator, values: Any, gap: GapPolicy | str | None) -> Any:
    """A polars Series of the Enum of the scale's labels."""
    pl = require("polars")
    if values.dtype.is_numeric():
        grades = _grade_array(indicator, values.to_numpy(), gap)
    else:
        grades = [_one(indicator, v, gap) for v in values.to_list()]
    names = [None if g is None else g.name for g in grades]
    return pl.Series(values.name, names, dtype=pl.Enum(_labels(indicator)))
