"""A rubric: the indicators of a budget unit's 绩效目标表, with their context.

>>> import kpi
>>> rubric = kpi.Rubric([kpi.Entry(kpi.Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"]))])
>>> [ind.name for ind in rubric]
['会议保障率']
>>> str(rubric["会议保障率"].unit)
'%'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal

import attrs

from kpi.diagnostics import Diagnostic, Severity
from kpi.indicator import Indicator
from kpi.location import Location
from kpi.threshold import Threshold

__all__ = ["Entry", "Rubric"]


@attrs.frozen
class Entry:
    """One indicator of a rubric and its context in the source table.

    ``duty`` is the 职责 (or project) the row belongs to, ``activity`` the
    工作活动 (the 职责活动 cell of the row), ``budget`` its 年度预算数,
    ``description`` its 内容描述 and ``goal`` its 绩效目标. ``location`` is the place of
    the indicator's name and ``cells`` the places of its tier cells, best
    grade first (empty when the entry was not read from a file); both
    are left out of equality, so the same rubric read from a text, Word,
    Excel or CSV file compares equal.
    """

    indicator: Indicator
    duty: str = ""
    activity: str = ""
    budget: Decimal | None = None
    description: str = ""
    goal: str = ""
    location: Location = attrs.field(factory=Location, eq=False)
    cells: tuple[Location, ...] = attrs.field(default=(), eq=False, repr=False)

    @property
    def name(self) -> str:
        """The indicator's name."""
        return self.indicator.name

    @property
    def target(self) -> Threshold | None:
        """The indicator's single target (年度指标值), if it has one."""
        return self.indicator.target


def _entries(value: Iterable[Entry | Indicator]) -> tuple[Entry, ...]:
    return tuple(v if isinstance(v, Entry) else Entry(v) for v in value)


@attrs.frozen
class Rubric:
    """An ordered collection of indicators with their context.

    Iterating gives the :class:`~kpi.Indicator` objects; ``rubric[name]``
    (or ``rubric[i]``) gives one; :attr:`entries` keeps the context.
    :attr:`diagnostics` holds what reading found: every row of the source
    that is not an indicator, and why. ``source`` and ``encoding`` describe
    the file and take no part in equality.
    """

    entries: tuple[Entry, ...] = attrs.field(default=(), converter=_entries)
    diagnostics: tuple[Diagnostic, ...] = attrs.field(default=(), eq=False)
    source: str = attrs.field(default="", eq=False)
    encoding: str = attrs.field(default="", eq=False)

    def __iter__(self) -> Iterator[Indicator]:
        return (e.indicator for e in self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    def __getitem__(self, key: str | int) -> Indicator:
        return self.entry(key).indicator

    def __contains__(self, name: object) -> bool:
        return any(e.name == name for e in self.entries)

    @property
    def names(self) -> tuple[str, ...]:
        """The indicators' names, in order."""
        return tuple(e.name for e in self.entries)

    def entry(self, key: str | int) -> Entry:
        """The entry at index *key*, or of the indicator named *key*.

        A name shared by several indicators raises :class:`KeyError` naming
        their rows; use :meth:`find` to pick one.
        """
        if isinstance(key, int):
            return self.entries[key]
        found = self.find(key)
        if not found:
            raise KeyError(f"no indicator named {key!r} in the rubric")
        if len(found) > 1:
            rows = ", ".join(str(e.location) for e in found)
            raise KeyError(f"{len(found)} indicators are named {key!r} ({rows}); use find()")
        return found[0]

    def find(
        self, name: str, *, duty: str | None = None, activity: str | None = None
    ) -> list[Entry]:
        """Every entry named *name*, optionally of one duty or activity."""
        return [
            e
            for e in self.entries
            if e.name == name
            and (duty is None or e.duty == duty)
            and (activity is None or e.activity == activity)
        ]

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        """The diagnostics of reading with severity error."""
        return tuple(d for d in self.diagnostics if d.severity is Severity.ERROR)
