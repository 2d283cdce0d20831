"""What is wrong with a rubric, or noteworthy in reading it.

Each finding is a :class:`Diagnostic` with a stable :class:`Code`, a
severity, the place in the source and a message that proposes a fix.
``docs/rubrics.md`` lists every code with an example from the seed.
"""

from __future__ import annotations

import enum

import attrs

from kpi.location import Location

__all__ = ["Code", "Diagnostic", "Severity"]


class Severity(enum.Enum):
    """How much a finding matters."""

    ERROR = "error"
    """The rubric cannot be used as it stands: a cell or a row cannot be read,
    or an indicator cannot be graded."""
    WARNING = "warning"
    """The rubric can be used, but some values are graded by a policy rather
    than by the rubric's own words (gaps, overlaps, tails)."""
    INFO = "info"
    """A row that is not an indicator, and why (header, blank, context)."""

    def __str__(self) -> str:
        return self.value


class Code(enum.Enum):
    """The stable codes of kpi's findings: ``K1xx`` for reading, ``K2xx``
    for the rubric's content. A code is never reused for another meaning."""

    # reading: every row of a table becomes an indicator or one of these
    HEADER_ROW = ("K101", "header-row", Severity.INFO)
    BLANK_ROW = ("K102", "blank-row", Severity.INFO)
    CONTEXT_ROW = ("K103", "context-row", Severity.INFO)
    NOT_A_RUBRIC = ("K104", "not-a-rubric", Severity.INFO)
    UNREADABLE_CELL = ("K105", "unreadable-cell", Severity.ERROR)
    BAD_ROW = ("K106", "bad-row", Severity.ERROR)
    DUPLICATE_NAME = ("K107", "duplicate-name", Severity.WARNING)
    UNREADABLE_BUDGET = ("K108", "unreadable-budget", Severity.WARNING)
    UNREADABLE_WEIGHT = ("K109", "unreadable-weight", Severity.ERROR)
    # content: computed exactly from the intervals of each indicator
    NO_THRESHOLDS = ("K201", "no-thresholds", Severity.ERROR)
    EMPTY_TIER = ("K202", "empty-tier", Severity.WARNING)
    GAP = ("K203", "gap", Severity.WARNING)
    OVERLAP = ("K204", "overlap", Severity.WARNING)
    UNREACHABLE_TIER = ("K205", "unreachable-tier", Severity.WARNING)
    OUT_OF_ORDER = ("K206", "out-of-order", Severity.ERROR)
    UNCOVERED_TAIL = ("K207", "uncovered-tail", Severity.WARNING)
    IDENTICAL_TIERS = ("K208", "identical-tiers", Severity.WARNING)
    MIXED_UNITS = ("K209", "mixed-units", Severity.INFO)
    INCOMPATIBLE_UNITS = ("K210", "incompatible-units", Severity.ERROR)
    RATE_ABOVE_100 = ("K211", "rate-above-100", Severity.WARNING)

    @property
    def code(self) -> str:
        """The stable code, such as ``K203``."""
        return str(self.value[0])

    @property
    def slug(self) -> str:
        """A short name, such as ``gap``."""
        return str(self.value[1])

    @property
    def severity(self) -> Severity:
        """The severity of every finding with this code."""
        severity = self.value[2]
        assert isinstance(severity, Severity)
        return severity

    def __str__(self) -> str:
        return f"{self.code} {self.slug}"


@attrs.frozen
class Diagnostic:
    """One finding: its code, where, about which indicator, and what to do."""

    code: Code
    message: str
    location: Location = attrs.field(factory=Location)
    indicator: str = ""

    @property
    def severity(self) -> Severity:
        """The severity of the code."""
        return self.code.severity

    def __str__(self) -> str:
        about = f"{self.indicator}: " if self.indicator else ""
        return f"{self.location}: {self.code} [{self.severity}] {about}{self.message}"
