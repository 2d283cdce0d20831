"""Every failure kpi raises: one base class, one subclass per kind of failure.

Each class also derives from the nearest builtin, so ``except ValueError``
keeps working for callers who do not know kpi.
"""

from __future__ import annotations

import unicodedata

__all__ = [
    "ActualsReadError",
    "ArgumentTypeError",
    "GapError",
    "IndicatorError",
    "KpiError",
    "LabelError",
    "MissingExtraError",
    "PolicyError",
    "ReportWriteError",
    "RubricReadError",
    "RubricWriteError",
    "ThresholdSyntaxError",
    "UngradableError",
    "UnitMismatchError",
    "ValueReadError",
    "ValueTypeError",
    "VocabularyError",
    "caret_line",
]


class KpiError(Exception):
    """Base class of every error raised by kpi."""


def _display_width(text: str) -> int:
    """Columns a terminal uses for *text*: wide East Asian forms count 2,
    combining marks and invisible format characters 0."""
    return sum(
        0
        if unicodedata.combining(ch) or unicodedata.category(ch) == "Cf"
        else 2
        if unicodedata.east_asian_width(ch) in "WF"
        else 1
        for ch in text
    )


def caret_line(text: str, index: int, indent: str = "    ") -> str:
    """Two lines: *text* and a caret under the character at *index* (0-based).

    The caret is placed by display width, so it stands under the right
    character when the text holds full-width forms.
    """
    line = text.replace("\t", " ").replace("\n", " ")
    return f"{indent}{line}\n{indent}{' ' * _display_width(line[:index])}^"


class ThresholdSyntaxError(KpiError, ValueError):
    """A rubric cell could not be read as a threshold.

    Attributes: ``text`` (the cell as given), ``reason`` (what was expected or
    why it is refused), ``column`` (1-based, in ``text``) and ``where`` (the
    cell's location in a file, or an empty string).
    """

    def __init__(
        self, text: str, reason: str, column: int, where: str = "", hint: str = ""
    ) -> None:
        self.text = text
        self.reason = reason
        self.column = column
        self.where = where
        self.hint = hint
        place = f" in {where}" if where else ""
        advice = f" ({hint})" if hint else ""
        super().__init__(
            f"cannot read threshold {text!r}{place}: {reason} at column {column}{advice}\n"
            + caret_line(text, column - 1)
        )

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.text, self.reason, self.column, self.where, self.hint))


class ArgumentTypeError(KpiError, TypeError):
    """An argument of the wrong type was passed to kpi (a tier that is not a
    text, a name that is not a str, ...)."""


class PolicyError(KpiError, ValueError):
    """A policy name kpi does not know, such as ``gap="best"``."""


class ValueReadError(KpiError, ValueError):
    """An actual value could not be read (unreadable text, NaN, infinity)."""


class ValueTypeError(KpiError, TypeError):
    """An actual value has a type kpi does not grade (None, bool, ...)."""


class UnitMismatchError(KpiError, ValueError):
    """Two quantities whose units cannot be converted into each other."""


class LabelError(KpiError, ValueError):
    """A label where a number was expected, a number where a label was
    expected, or a label that no tier of a qualitative indicator knows."""


class IndicatorError(KpiError, ValueError):
    """An indicator cannot be built from the tiers given."""


class UngradableError(KpiError, ValueError):
    """An indicator has no threshold to grade against (all tiers empty)."""


class GapError(KpiError, ValueError):
    """A value lies in no tier and the gap policy is ``"error"``."""


class VocabularyError(KpiError, ValueError):
    """A word or unit definition given to kpi at run time is not usable;
    ``reason`` says why."""

    def __init__(self, message: str, reason: str = "") -> None:
        super().__init__(message)
        self.reason = reason or message

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.args[0], self.reason))


class RubricReadError(KpiError, ValueError):
    """A rubric file cannot be read at all (not the format it claims, a
    truncated archive, a sheet that is not there, no rubric table in it).
    A bad cell or row is not this: it becomes a diagnostic of the rubric."""


class RubricWriteError(KpiError, ValueError):
    """A rubric cannot be written in the native format (a scale or a cell
    that would not read back, a path that cannot be written)."""


def called(file: str) -> str:
    """How a message names a file: its name, or what it is when it has none."""
    return repr(file) if file else "from a file object without a name"


class SourceReadError(KpiError, ValueError):
    """A file cannot be read at all. The readers shared by rubrics and actuals
    raise it; :func:`kpi.read_rubric` and :func:`kpi.read_actuals` raise it
    again as :class:`RubricReadError` or :class:`ActualsReadError`, whose
    messages say what was being read."""

    def __init__(self, file: str, problem: str) -> None:
        self.file = file
        self.problem = problem
        super().__init__(f"cannot read {called(file)}: {problem}")

    def about(self, what: str) -> str:
        """The message for reading a file of *what* (``rubric``, ``actuals``)."""
        return f"cannot read {what} {called(self.file)}: {self.problem}"


class ActualsReadError(KpiError, ValueError):
    """A file of actual values cannot be read: not a CSV/TSV/XLSX file, damaged,
    or with no table whose header names an indicator and a value column."""


class ReportWriteError(KpiError, ValueError):
    """A report cannot be written: an unknown format, or a path that cannot
    be written. Nothing is left behind: reports are written atomically."""


class MissingExtraError(KpiError, ImportError):
    """An optional dependency is missing; the message names the extra."""
