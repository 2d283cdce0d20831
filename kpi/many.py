"""Grading many values at once: ``kpi.grade_many``.

Lists and tuples give a list; a numpy array gives an object array of the
same shape; a pandas Series gives a Series with the same index whose values
are an ordered Categorical (差 < 中 < 良 < 优, so comparisons and sorting
follow the scale); a polars Series gives a Series of the Enum of the
scale's labels. numpy, pandas and polars are optional and imported only
when such a value is passed.

A numpy array of numbers is graded in one ``searchsorted`` over the float
guard bands of the compiled indicator (:mod:`kpi.compiled`); the few values
that fall inside a band, next to an edge, are decided exactly one by one.
``numpy.searchsorted`` alone cannot do this: it has one side (``left`` or
``right``) for every edge, where a rubric closes each edge its own way.

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
from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

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
    codes = _codes(indicator, array, gap)
    grades = _objects(np, [*reversed(indicator.scale.grades()), None])  # code -1: None
    return grades[codes].reshape(array.shape)


def _code(grade: ScaleGrade | None) -> int:
    """The code of *grade* among the scale's grades, worst first; -1 for none."""
    return -1 if grade is None else len(type(grade).grades()) - grade.rank


def _codes(indicator: Indicator, array: Any, gap: GapPolicy | str | None) -> Any:
    """The code of the grade of each value of *array*, flattened (see :func:`_code`)."""
    np = require("numpy")
    fast = indicator.fast(gap)
    exact = array.dtype.kind not in "iuf" or not fast.numeric
    if not exact and array.dtype.kind in "iu" and array.size:
        exact = bool(np.abs(array).max() >= 2**53)
    if exact:
        return np.fromiter(
            (
                _code(_one(indicator, v.item() if hasattr(v, "item") else v, gap))
                for v in array.flat
            ),
            dtype=np.int16,
            count=array.size,
        )
    numbers = array.astype(np.float64, copy=False).ravel()
    highs = np.array(fast.highs, dtype=np.float64)
    lows = np.array(fast.lows, dtype=np.float64)
    index = np.searchsorted(highs, numbers, side="left")
    codes = np.array([_code(g) for g in fast.between], dtype=np.int16)[index]
    # next to an edge: inside the guard band of the point at `index`
    inside = np.zeros(numbers.shape, dtype=bool)
    if len(lows):
        inside = (index < len(lows)) & (numbers >= lows[np.minimum(index, len(lows) - 1)])
    missing = np.isnan(numbers)
    codes[missing] = -1
    for position in np.flatnonzero(inside & ~missing):
        codes[position] = _code(_edge(indicator, fast, float(numbers[position]), gap))
    for position in np.flatnonzero(np.isinf(numbers)):
        codes[position] = _code(_one(indicator, float(numbers[position]), gap))
    return codes


def _objects(np: Any, items: Sequence[object]) -> Any:
    """A one-dimensional object array of *items* (never an array of arrays)."""
    out = np.empty(len(items), dtype=object)
    out[:] = items
    return out


def _edge(indicator: Indicator, fast: Any, value: float, gap: GapPolicy | str | None) -> Any:
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
