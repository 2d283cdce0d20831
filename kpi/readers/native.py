"""kpi's own rubric format, in TOML or JSON: what :func:`write_rubric` writes
and ``kpi.read_rubric`` reads back into an equal :class:`~kpi.Rubric`.

The same document in both syntaxes (TOML shown; JSON has the same keys)::

    kpi_rubric = 1                  # the format and its version: required
    source = "seed.txt"             # the file the rubric was read from

    [[indicator]]                   # one per entry, in order
    name = "事项督查反馈率"          # required
    scale = "Grade"                 # Grade, CompetenceGrade or QualificationGrade
    unit = "%"                      # only when neither the name nor the tiers give it
    gap = "worse"                   # worse, nearest or error
    target = "≥95%"                 # the 年度指标值 of a single-target table
    direction = "lower"             # how a bare target is read: higher or lower
    rule = "LOWER_LINEAR"           # the scoring rule of the target (kpi.Rule)
    weight = "10"                   # the points (分值), as a string so that it stays exact
    duty = "政务服务与政务管理"       # the entry's context: any of these may be left out
    activity = "政务公开、会议管理、督查督办、打私事务、政务联络。"
    budget = "95.1"                 # a decimal number, as a string so that it stays exact
    description = "..."
    goal = "..."
    file = "seed.txt"               # where the indicator's name stood in the source
    sheet = ""
    row = 118
    column = "5"
    row_word = "line"               # how the row is named (row, or line in a text file)
    cells = [{ file = "seed.txt", row = 119, column = "6", row_word = "line" }, ...]

    [indicator.tiers]               # grade label -> cell, as written in the source
    "优" = "≥90%"
    "良" = "≥80%"
    "中" = "≥60%"
    "差" = "＜60%"

    [[diagnostic]]                  # what reading the source found, in order
    code = "K101"
    message = "a header row"
    indicator = ""
    file = "seed.txt"
    row = 87
    row_word = "line"

A cell (a tier or the target) is kept as the source wrote it when it reads
back to the same threshold, else in kpi's canonical notation (``[90%, +∞)``);
an empty tier is ``—``. Keys with an empty value are left out when writing
and default to empty when reading (``scale`` is then inferred from the tier
labels, ``gap`` is ``worse``). ``rubric.source`` is the ``source`` field, or
the native file's own name when the field is absent; ``rubric.encoding`` is
the native file's (UTF-8).

Reading checks every field: a value of the wrong type or meaning, an
unknown key or a missing ``kpi_rubric`` raises :class:`~kpi.RubricReadError`
naming the file, the indicator (number and name) and the field. A tier or
target cell that does not read as a threshold is not fatal: like in the
other formats, it becomes an unreadable-cell diagnostic (``K105``) located
at ``indicator N, column 优`` of the native file, and that entry is left out.

Writing (:func:`write_rubric`) is atomic: the document goes to a temporary
file in the target's folder, is flushed and synced to disk, and then
replaces the target in one step; on any failure the target is left as it
was and the temporary file is removed. TOML is written with ``tomli-w``
(the optional extra ``kpi[toml]``); JSON needs nothing.
"""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Mapping, Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from kpi.atomic import write_atomically
from kpi.diagnostics import Code, Diagnostic
from kpi.errors import (
    KpiError,
    RubricReadError,
    RubricWriteError,
    ThresholdSyntaxError,
    UnitMismatchError,
)
from kpi.exact import as_decimal, format_number
from kpi.extras import require
from kpi.grades import SCALES, Grade, ScaleGrade, scale_for_labels
from kpi.indicator import Indicator, name_unit
from kpi.location import Location
from kpi.parser import current_reader, parse
from kpi.policy import GapPolicy
from kpi.rubric import Entry, Rubric
from kpi.target import Rule
from kpi.threshold import Threshold

__all__ = ["FORMAT_KEY", "FORMAT_VERSION", "RubricWriteError", "read_native", "write_rubric"]

FORMAT_KEY = "kpi_rubric"
FORMAT_VERSION = 1
NATIVE_FORMATS: dict[str, str] = {".toml": "toml", ".json": "json"}

_SCALES: dict[str, type[ScaleGrade]] = {scale.__name__: scale for scale in SCALES}
_CODES: dict[str, Code] = {code.code: code for code in Code}
_PLACE_KEYS = ("file", "sheet", "row", "column", "row_word")
_TOP_KEYS = (FORMAT_KEY, "source", "indicator", "diagnostic")
_ENTRY_KEYS = (
    "name",
    "scale",
    "unit",
    "gap",
    "tiers",
    "target",
    "direction",
    "rule",
    "weight",
    "duty",
    "activity",
    "budget",
    "description",
    "goal",
    *_PLACE_KEYS,
    "cells",
)
_DIAGNOSTIC_KEYS = ("code", "message", "indicator", *_PLACE_KEYS)
_DEFAULT_ROW_WORD = Location().row_word

Document = dict[str, object]


# ==================================================================== writing


def write_rubric(
    rubric: Rubric, path: str | os.PathLike[str], *, format: str | None = None
) -> None:
    """Write *rubric* to *path* in kpi's native format, TOML or JSON (from
    *format*, else from the suffix ``.toml`` or ``.json``), atomically.

    ``kpi.read_rubric(path) == rubric`` afterwards. TOML needs the extra
    ``kpi[toml]``. Raises :class:`RubricWriteError` when the rubric or the
    path cannot be written; the file at *path* is then unchanged.
    """
    target = Path(path)
    fmt = _write_format(target, format)
    data = _dump(_document(rubric), fmt, target)
    try:
        write_atomically(target, lambda out: out.write(data))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise RubricWriteError(f"cannot write rubric {str(target)!r}: {reason}") from None


def _write_format(target: Path, format: str | None) -> str:
    if format is not None:
        if format not in NATIVE_FORMATS.values():
            raise RubricWriteError(
                f"cannot write rubric {str(target)!r}: unknown native format {format!r}; "
                "expected 'toml' or 'json'"
            )
        return format
    found = NATIVE_FORMATS.get(target.suffix.lower())
    if found is None:
        raise RubricWriteError(
            f"cannot write rubric {str(target)!r}: cannot tell the format from its name; "
            "name it .toml or .json, or pass format='toml' or format='json'"
        )
    return found


def _dump(document: Document, fmt: str, target: Path) -> bytes:
    if fmt == "toml":
        text: str = require("tomli_w").dumps(document)
    else:
        text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise RubricWriteError(
            f"cannot write rubric {str(target)!r}: the text {exc.object[exc.start : exc.end]!r} "
            "is not a character UTF-8 can store (a lone surrogate)"
        ) from None


def _document(rubric: Rubric) -> Document:
    document: Document = {FORMAT_KEY: FORMAT_VERSION}
    if rubric.source:
        document["source"] = rubric.source
    document["indicator"] = [_entry_document(i, e) for i, e in enumerate(rubric.entries, 1)]
    if rubric.diagnostics:
        document["diagnostic"] = [_diagnostic_document(d) for d in rubric.diagnostics]
    return document


def _entry_document(number: int, entry: Entry) -> Document:
    indicator = entry.indicator
    about = f"indicator {number} ({indicator.name!r})"
    scale = indicator.scale
    if _SCALES.get(scale.__name__) is not scale:
        raise RubricWriteError(
            f"cannot write rubric: {about} uses the scale {scale.__name__} "
            f"({'/'.join(g.name for g in scale)}), which kpi cannot read back; "
            f"the native format knows {', '.join(_SCALES)}"
        )
    out: Document = {"name": indicator.name, "scale": scale.__name__}
    unit = _unit_to_store(indicator, about)
    if unit:
        out["unit"] = unit
    out["gap"] = indicator.gap.value
    out["tiers"] = {
        grade.name: _cell_text(threshold, f"{about}, tier {grade.name}")
        for grade, threshold in indicator.thresholds
    }
    if indicator.target is not None:
        out["target"] = _cell_text(indicator.target, f"{about}, target")
    if indicator.better is not None:
        out["direction"] = indicator.better
    if indicator.rule is not None:
        out["rule"] = indicator.rule.name
    if indicator.weight is not None:
        weight = as_decimal(indicator.weight)
        if weight is None:
            raise RubricWriteError(
                f"cannot write rubric: {about} has the weight "
                f"{format_number(indicator.weight)}, which is not a decimal number"
            )
        out["weight"] = format_number(weight)
    for key in ("duty", "activity"):
        if getattr(entry, key):
            out[key] = getattr(entry, key)
    if entry.budget is not None:
        if not entry.budget.is_finite():
            raise RubricWriteError(
                f"cannot write rubric: {about} has the budget {entry.budget}, not a number"
            )
        out["budget"] = str(entry.budget)
    for key in ("description", "goal"):
        if getattr(entry, key):
            out[key] = getattr(entry, key)
    out.update(_place_document(entry.location))
    if entry.cells:
        out["cells"] = [_place_document(place) for place in entry.cells]
    return out


def _unit_to_store(indicator: Indicator, about: str) -> str:
    """The unit word to write: only when the name and the tiers would not
    give the indicator its unit by themselves."""
    unit = indicator.unit
    if unit is None:
        return ""
    derived = name_unit(indicator.name) or next(
        (t.unit for _, t in indicator.thresholds if t.unit is not None), None
    )
    if derived == unit:
        return ""
    if current_reader().unit(unit.word) != unit:
        raise RubricWriteError(
            f"cannot write rubric: {about} is in the unit {unit.word!r}, "
            "which kpi would not read back as the same unit"
        )
    return unit.word


def _reads_as(text: str, threshold: Threshold) -> bool:
    try:
        return parse(text) == threshold
    except ThresholdSyntaxError:
        return False


def _cell_text(threshold: Threshold, about: str) -> str:
    if threshold.text and _reads_as(threshold.text, threshold):
        return threshold.text
    canonical = str(threshold)
    if _reads_as(canonical, threshold):
        return canonical
    raise RubricWriteError(
        f"cannot write rubric: {about} is {threshold!r}, which kpi would not read back"
    )


def _place_document(place: Location) -> Document:
    out: Document = {}
    if place.file:
        out["file"] = place.file
    if place.sheet:
        out["sheet"] = place.sheet
    if place.row is not None:
        out["row"] = place.row
    if place.column:
        out["column"] = place.column
    if place.row_word != _DEFAULT_ROW_WORD:
        out["row_word"] = place.row_word
    return out


def _diagnostic_document(diagnostic: Diagnostic) -> Document:
    out: Document = {"code": diagnostic.code.code, "message": diagnostic.message}
    if diagnostic.indicator:
        out["indicator"] = diagnostic.indicator
    out.update(_place_document(diagnostic.location))
    return out


# ==================================================================== reading


def read_native(data: bytes, *, file: str, format: str) -> Rubric:
    """The rubric of a native file (*format* ``"toml"`` or ``"json"``)."""
    text, encoding = _decode(data, file)
    document: object
    if format == "toml":
        try:
            document = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise RubricReadError(f"cannot read rubric {file!r}: not valid TOML: {exc}") from None
    elif format == "json":
        try:
            document = json.loads(
                text, object_pairs_hook=_json_object, parse_constant=_json_constant
            )
        except json.JSONDecodeError as exc:
            raise RubricReadError(
                f"cannot read rubric {file!r}: not valid JSON: {exc.msg} "
                f"(at line {exc.lineno}, column {exc.colno})"
            ) from None
        except _JsonRefused as exc:
            raise RubricReadError(f"cannot read rubric {file!r}: not valid JSON: {exc}") from None
    else:
        raise RubricReadError(
            f"cannot read rubric {file!r}: unknown native format {format!r}; "
            "expected 'toml' or 'json'"
        )
    return _NativeReader(file, encoding).read(document)


class _JsonRefused(ValueError):
    """JSON that the standard module reads but the native format refuses."""


def _json_object(pairs: list[tuple[str, object]]) -> dict[str, object]:
    out: dict[str, object] = {}
    for key, value in pairs:
        if key in out:
            raise _JsonRefused(f"the key {key!r} appears twice in one object")
        out[key] = value
    return out


def _json_constant(name: str) -> object:
    raise _JsonRefused(f"{name} is not a number")


def _decode(data: bytes, file: str) -> tuple[str, str]:
    bom = data.startswith(b"\xef\xbb\xbf")
    try:
        text = data[3:].decode("utf-8") if bom else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + (3 if bom else 0)
        raise RubricReadError(
            f"cannot read rubric {file!r}: a native rubric is UTF-8 text, but the byte "
            f"{exc.object[exc.start : exc.start + 1]!r} at offset {offset} is not UTF-8"
        ) from None
    return text, "utf-8-sig" if bom else "utf-8"


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _type_name(value: object) -> str:
    names = {
        str: "a string",
        bool: "a boolean",
        int: "an integer",
        float: "a float",
        list: "an array",
        dict: "a table",
    }
    return names.get(type(value), type(value).__name__)


class _NativeReader:
    """Checks a native document field by field and builds the rubric."""

    def __init__(self, file: str, encoding: str) -> None:
        self.file = file
        self.encoding = encoding
        self.diagnostics: list[Diagnostic] = []

    def fail(self, where: str, problem: str) -> RubricReadError:
        return RubricReadError(f"cannot read rubric {self.file!r}: {where}: {problem}")

    # ---------------------------------------------------------- fields

    def table(self, value: object, where: str, keys: Sequence[str]) -> Mapping[str, object]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected a table, found {_type_name(value)}")
        unknown = [k for k in value if k not in keys]
        if unknown:
            raise self.fail(
                where,
                f"unknown field {unknown[0]!r}; the fields here are {', '.join(keys)}",
            )
        return value

    def string(self, table: Mapping[str, object], key: str, where: str) -> str:
        value = table.get(key, "")
        if not isinstance(value, str):
            raise self.fail(
                f"{where}, field {key!r}",
                f"expected a string, found {_type_name(value)} {_shown(value)}",
            )
        return value

    def array(self, table: Mapping[str, object], key: str, where: str) -> list[object]:
        value = table.get(key, [])
        if not isinstance(value, list):
            raise self.fail(
                f"{where}, field {key!r}",
                f"expected an array of tables, found {_type_name(value)} {_shown(value)}",
            )
        return value

    def place(self, table: Mapping[str, object], where: str) -> Location:
        row = table.get("row")
        if row is not None and (type(row) is not int or row < 1):
            raise self.fail(
                f"{where}, field 'row'",
                f"expected a row number from 1 up, found {_type_name(row)} {_shown(row)}",
            )
        return Location(
            file=self.string(table, "file", where),
            sheet=self.string(table, "sheet", where),
            row=row,
            column=self.string(table, "column", where),
            row_word=self.string(table, "row_word", where) or _DEFAULT_ROW_WORD,
        )

    # ---------------------------------------------------------- document

    def read(self, document: object) -> Rubric:
        # the marker first: a file that is not a native rubric says so
        version = document.get(FORMAT_KEY) if isinstance(document, dict) else None
        if version is None:
            if not isinstance(document, dict):
                raise self.fail("the document", f"expected a table, found {_type_name(document)}")
            raise self.fail(
                "the document",
                f"it is not a kpi rubric: it has no {FORMAT_KEY!r} field "
                f"(kpi writes {FORMAT_KEY} = {FORMAT_VERSION} at the top)",
            )
        if type(version) is not int or version != FORMAT_VERSION:
            raise self.fail(
                f"field {FORMAT_KEY!r}",
                f"this kpi reads format version {FORMAT_VERSION}, found {_shown(version)}",
            )
        top = self.table(document, "the document", _TOP_KEYS)
        source = self.string(top, "source", "the document")
        stored = [
            self.diagnostic(n, value)
            for n, value in enumerate(self.array(top, "diagnostic", "the document"), 1)
        ]
        entries = [
            entry
            for n, value in enumerate(self.array(top, "indicator", "the document"), 1)
            if (entry := self.entry(n, value)) is not None
        ]
        return Rubric(
            tuple(entries),
            (*stored, *self.diagnostics),
            source or self.file,
            self.encoding,
        )

    def diagnostic(self, number: int, value: object) -> Diagnostic:
        where = f"diagnostic {number}"
        table = self.table(value, where, _DIAGNOSTIC_KEYS)
        text = self.string(table, "code", where)
        code = _CODES.get(text)
        if code is None:
            raise self.fail(
                f"{where}, field 'code'",
                f"{text!r} is not a code of kpi ({min(_CODES)} ... {max(_CODES)})",
            )
        return Diagnostic(
            code,
            self.string(table, "message", where),
            self.place(table, where),
            self.string(table, "indicator", where),
        )

    def entry(self, number: int, value: object) -> Entry | None:
        where = f"indicator {number}"
        table = self.table(value, where, _ENTRY_KEYS)
        if "name" not in table:
            raise self.fail(where, "the field 'name' is missing")
        name = self.string(table, "name", where)
        where = f"indicator {number} ({name!r})"
        scale, cells = self.tiers(table, where)
        unit = self.unit(table, where)
        gap = self.gap(table, where)
        target_text = self.string(table, "target", where) if "target" in table else None
        duty, activity, description, goal = (
            self.string(table, key, where) for key in ("duty", "activity", "description", "goal")
        )
        budget = self.number(table, "budget", where)
        weight = self.number(table, "weight", where)
        direction = self.choice(table, "direction", where, ("higher", "lower"))
        rule = self.choice(table, "rule", where, tuple(Rule.__members__))
        location = self.place(table, where)
        places: list[Location] = []
        for i, cell in enumerate(self.array(table, "cells", where), 1):
            item = f"{where}, field 'cells', item {i}"
            places.append(self.place(self.table(cell, item, _PLACE_KEYS), item))
        # every field is valid: now the cells, whose defects are diagnostics
        here = Location(self.file, row=number, row_word="indicator")
        thresholds = {
            grade: self.cell(text, here.at(column=grade.name), name)
            for grade, text in cells.items()
        }
        target = (
            None if target_text is None else self.cell(target_text, here.at(column="target"), name)
        )
        if target_text is not None and target is None:
            return None
        read = {grade: t for grade, t in thresholds.items() if t is not None}
        if len(read) < len(thresholds):
            return None
        try:
            indicator = Indicator(
                name,
                read,
                target=target,
                weight=weight,
                direction=direction,
                rule=rule,
                scale=scale,
                unit=unit,
                gap=gap,
            )
        except UnitMismatchError as exc:
            self.note(Code.INCOMPATIBLE_UNITS, f"{exc}; write every tier in one unit", here, name)
            return None
        except KpiError as exc:
            self.note(Code.BAD_ROW, str(exc), here, name)
            return None
        return Entry(
            indicator,
            duty=duty,
            activity=activity,
            budget=budget,
            description=description,
            goal=goal,
            location=location,
            cells=tuple(places),
        )

    def tiers(
        self, table: Mapping[str, object], where: str
    ) -> tuple[type[ScaleGrade], dict[ScaleGrade, str]]:
        value = table.get("tiers")
        if not isinstance(value, dict):
            found = "nothing" if value is None else f"{_type_name(value)} {_shown(value)}"
            raise self.fail(
                f"{where}, field 'tiers'",
                f'expected a table of grade label to cell text (优 = "≥90%"), found {found}',
            )
        labels = [str(label) for label in value]
        scale: type[ScaleGrade] | None
        if "scale" in table:
            text = self.string(table, "scale", where)
            scale = _SCALES.get(text)
            if scale is None:
                raise self.fail(
                    f"{where}, field 'scale'",
                    f"unknown scale {text!r}; expected one of {', '.join(_SCALES)}",
                )
        else:
            scale = scale_for_labels(labels) if labels else Grade
            if scale is None:
                raise self.fail(
                    f"{where}, field 'tiers'",
                    f"cannot tell the scale from the labels {'/'.join(labels)}; "
                    f"add scale = one of {', '.join(_SCALES)}",
                )
        cells: dict[ScaleGrade, str] = {}
        for label, text in value.items():
            field = f"{where}, field 'tiers.{label}'"
            try:
                grade = scale.from_label(label)
            except KeyError as exc:
                raise self.fail(field, str(exc.args[0])) from None
            if grade in cells:
                raise self.fail(field, f"the grade {grade.name} is given twice")
            if not isinstance(text, str):
                raise self.fail(
                    field, f"expected the cell's text, found {_type_name(text)} {_shown(text)}"
                )
            cells[grade] = text
        return scale, cells

    def unit(self, table: Mapping[str, object], where: str) -> str | None:
        word = self.string(table, "unit", where)
        if not word:
            return None
        if current_reader().unit(word) is None:
            raise self.fail(f"{where}, field 'unit'", f"{word!r} is not a unit kpi knows")
        return word

    def gap(self, table: Mapping[str, object], where: str) -> GapPolicy:
        text = self.string(table, "gap", where) or GapPolicy.WORSE.value
        try:
            return GapPolicy(text)
        except ValueError:
            choices = ", ".join(p.value for p in GapPolicy)
            raise self.fail(
                f"{where}, field 'gap'", f"expected one of {choices}, found {text!r}"
            ) from None

    def number(self, table: Mapping[str, object], key: str, where: str) -> Decimal | None:
        if key not in table:
            return None
        value = table[key]
        problem = f'expected a number written as a string such as "95.1", found {_shown(value)}'
        if not isinstance(value, str):
            raise self.fail(f"{where}, field {key!r}", problem)
        try:
            number = Decimal(value)
        except InvalidOperation:
            raise self.fail(f"{where}, field {key!r}", problem) from None
        if not number.is_finite():
            raise self.fail(f"{where}, field {key!r}", problem)
        return number

    def choice(
        self, table: Mapping[str, object], key: str, where: str, choices: tuple[str, ...]
    ) -> str | None:
        text = self.string(table, key, where)
        if not text:
            return None
        if text not in choices:
            raise self.fail(
                f"{where}, field {key!r}", f"expected one of {', '.join(choices)}, found {text!r}"
            )
        return text

    def cell(self, text: str, place: Location, name: str) -> Threshold | None:
        try:
            return parse(text)
        except ThresholdSyntaxError as exc:
            located = ThresholdSyntaxError(exc.text, exc.reason, exc.column, str(place), exc.hint)
            self.note(Code.UNREADABLE_CELL, str(located), place, name)
            return None

    def note(self, code: Code, message: str, place: Location, name: str) -> None:
        self.diagnostics.append(Diagnostic(code, message, place, name))
