"""Ordered grade scales: 优 > 良 > 中 > 差, and the other scales rubrics use.

A scale is an :class:`enum.Enum` subclass of :class:`ScaleGrade` whose
members are declared best first. Members compare by rank (``Grade.优 >
Grade.良``), ``str()`` gives the Chinese label, and English aliases exist
(``Grade.EXCELLENT is Grade.优``). The scales here are the ones listed in
``grammar/vocabulary.toml``; :func:`make_scale` builds others.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Sequence
from typing import Any

__all__ = [
    "CompetenceGrade",
    "Grade",
    "QualificationGrade",
    "ScaleGrade",
    "make_scale",
    "scale_for_labels",
]


@functools.total_ordering
class ScaleGrade(enum.Enum):
    """A grade of an ordered scale; the value is the rank, 1 being best."""

    @property
    def label(self) -> str:
        """The Chinese label, such as 优."""
        return self.name

    @property
    def rank(self) -> int:
        """1 for the best grade, 2 for the next, and so on."""
        return int(self.value)

    def __str__(self) -> str:
        return self.name

    def __repr__(self) -> str:
        return f"{type(self).__name__}.{self.name}"

    def __lt__(self, other: object) -> bool:
        if type(other) is not type(self):
            return NotImplemented
        assert isinstance(other, ScaleGrade)
        return self.rank > other.rank

    @classmethod
    def grades(cls) -> tuple[ScaleGrade, ...]:
        """The grades of the scale, best first (aliases left out)."""
        return tuple(cls)

    @classmethod
    def best(cls) -> ScaleGrade:
        """The best grade."""
        return cls.grades()[0]

    @classmethod
    def worst(cls) -> ScaleGrade:
        """The worst grade."""
        return cls.grades()[-1]

    @classmethod
    def from_label(cls, label: str) -> ScaleGrade:
        """The grade named *label* (Chinese label or English alias).

        Raises :class:`KeyError` naming the labels of the scale.
        """
        found = cls.__members__.get(label.strip())
        if found is None:
            labels = "/".join(g.name for g in cls)
            raise KeyError(f"{label!r} is not a grade of the scale {labels}")
        return found


class Grade(ScaleGrade):
    """The default scale: 优 (excellent), 良 (good), 中 (fair), 差 (poor)."""

    优 = 1
    良 = 2
    中 = 3
    差 = 4
    EXCELLENT = 1
    GOOD = 2
    FAIR = 3
    POOR = 4


class CompetenceGrade(ScaleGrade):
    """优秀 / 称职 / 基本称职 / 不称职."""

    优秀 = 1
    称职 = 2
    基本称职 = 3
    不称职 = 4
    EXCELLENT = 1
    COMPETENT = 2
    BASICALLY_COMPETENT = 3
    INCOMPETENT = 4


class QualificationGrade(ScaleGrade):
    """优秀 / 合格 / 基本合格 / 不合格."""

    优秀 = 1
    合格 = 2
    基本合格 = 3
    不合格 = 4
    EXCELLENT = 1
    QUALIFIED = 2
    BASICALLY_QUALIFIED = 3
    UNQUALIFIED = 4


SCALES: tuple[type[ScaleGrade], ...] = (Grade, CompetenceGrade, QualificationGrade)


def make_scale(name: str, labels: Sequence[str], *, module: str | None = None) -> type[ScaleGrade]:
    """A new scale whose grades are *labels*, best first.

    >>> Stars = make_scale("Stars", ["五星", "四星", "三星"])
    >>> Stars.五星 > Stars.三星
    True

    Pass ``module=__name__`` and bind the result to a module-level name of
    the same *name* to make its grades picklable.
    """
    if len(labels) < 2 or len(set(labels)) != len(labels):
        raise ValueError(f"a scale needs two or more distinct labels, not {list(labels)!r}")
    members: dict[str, Any] = {label: rank for rank, label in enumerate(labels, start=1)}
    factory: Any = ScaleGrade
    scale = factory(name, members, module=module)
    assert isinstance(scale, type)
    assert issubclass(scale, ScaleGrade)
    return scale


def scale_for_labels(labels: Sequence[str]) -> type[ScaleGrade] | None:
    """The one known scale that has every label in *labels* (Chinese labels or
    English aliases), or None when no scale or more than one has them."""
    wanted = {label.strip() for label in labels}
    found = [scale for scale in SCALES if wanted <= set(scale.__members__)]
    return found[0] if len(found) == 1 else None
