"""From source tables to a rubric: headers, columns, context and indicators.

Every reader hands over :class:`~kpi.source.SourceTable` objects; this module
does the rest, the same way for every format:

1. find the header rows of each table: a row whose cells name two or more
   column roles of ``grammar/headers.toml``, or that holds every label of a
   grade scale (优 良 中 差). Up to ``MAX_HEADER_ROWS`` rows may stand above
   it (a caption such as ``单位：万元``); a table without such a header is
   not a rubric;
2. give each column a role (name, tier of a grade, target, operator, unit,
   activity, budget, description, goal) from all its header cells, whatever
   the column order;
3. read each row below the header: a blank row, a repeated header row, a
   context row (a duty, such as 政务服务与政务管理, with no indicator) or an
   indicator. Cells left empty under activity, budget, description and goal
   continue those of the row above, as in a table whose cells are merged
   down. A row that cannot become an
   indicator leaves a diagnostic that says why; nothing is dropped.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal, InvalidOperation

import attrs

from kpi.diagnostics import Code, Diagnostic
from kpi.errors import KpiError, ThresholdSyntaxError, UnitMismatchError
from kpi.grades import SCALES, Grade, ScaleGrade
from kpi.indicator import Indicator
from kpi.location import Location
from kpi.parser import parse
from kpi.resources import grammar_file
from kpi.rubric import Entry, Rubric
from kpi.source import SourceCell, SourceRow, SourceTable
from kpi.threshold import Threshold

__all__ = ["HeaderWords", "assemble", "load_header_words"]

MAX_HEADER_ROWS = 4  # rows (captions) allowed above the header
_BRACKETED = re.compile(r"[(（【\[][^()（）【】\[\]]*[)）】\]]")
_IGNORED = re.compile(r"[\s\u3000()（）【】\[\]:：*＊]+")


def header_key(text: str) -> str:
    """A header cell as compared: NFKC, no white space, brackets or colons."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", text))


@attrs.frozen
class HeaderWords:
    """The header words of ``grammar/headers.toml``: header text to role."""

    roles: Mapping[str, str]
    words: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, eq=False)
    """The header words of each role, as written in the file."""

    def role(self, text: str) -> str | None:
        """The role a header cell gives its column, or None: the cell must be
        a header word, possibly with a bracketed remark (``年度指标值（2024年）``)."""
        key = header_key(text)
        if not key:
            return None
        if key in self.roles:
            return self.roles[key]
        return self.roles.get(header_key(_BRACKETED.sub("", unicodedata.normalize("NFKC", text))))


def load_header_words(section: str = "roles") -> HeaderWords:
    """The header words shipped with kpi: of rubric tables (``roles``) or of
    actuals tables (``actuals``)."""
    data = tomllib.loads(grammar_file("headers.toml").read_text(encoding="utf-8"))
    words = {role: tuple(table["words"]) for role, table in data[section].items()}
    return HeaderWords({header_key(w): role for role, ws in words.items() for w in ws}, words)


@attrs.frozen
class _Columns:
    """What each column of a table holds."""

    roles: Mapping[int, str]
    grades: Mapping[int, ScaleGrade]
    scale: type[ScaleGrade] | None
    labels: Mapping[int, str]
    """How the source names each column (its letter or number)."""

    def first(self, role: str) -> int | None:
        return next((c for c, r in sorted(self.roles.items()) if r == role), None)

    @property
    def is_rubric(self) -> bool:
        return self.first("name") is not None and (
            bool(self.grades) or self.first("target") is not None
        )


def _scale_columns(texts: Sequence[str]) -> tuple[type[ScaleGrade] | None, dict[int, ScaleGrade]]:
    keys = [header_key(t) for t in texts]
    for scale in SCALES:
        columns = {keys.index(g.name): g for g in scale if g.name in keys}
        if len(columns) == len(scale):
            return scale, columns
    return None, {}


def _is_header(row: SourceRow, words: HeaderWords) -> bool:
    if _scale_columns(row.texts)[0] is not None:
        return True
    return len({words.role(t) for t in row.texts} - {None}) >= 2


def _columns(header: Sequence[SourceRow], words: HeaderWords) -> _Columns:
    roles: dict[int, str] = {}
    grades: dict[int, ScaleGrade] = {}
    scale: type[ScaleGrade] | None = None
    labels: dict[int, str] = {}
    for row in header:
        for c, cell in enumerate(row.cells):
            labels.setdefault(c, cell.location.column)
        found_scale, found = _scale_columns(row.texts)
        if found_scale is not None and scale is None:
            scale, grades = found_scale, found
        for c, text in enumerate(row.texts):
            role = words.role(text)
            if role is not None and c not in roles:
                roles[c] = role
    roles.update(dict.fromkeys(grades, "tier"))
    return _Columns(roles, grades, scale, labels)


def _words(row: SourceRow) -> str:
    """The texts of a row's cells, once each: a merged cell's copies (which
    keep the location of the cell they copy) are left out."""
    texts: list[str] = []
    previous: Location | None = None
    for cell in row.cells:
        if cell.location != previous and (text := _clean(cell.text)):
            texts.append(text)
        previous = cell.location
    return " / ".join(texts)


def _clean(text: str) -> str:
    """A cell's text as kept: as written, without surrounding white space
    (the ideographic space included)."""
    return text.strip()


class _TableReader:
    """Reads the rows of one table below its header."""

    def __init__(self, table: SourceTable, columns: _Columns, words: HeaderWords) -> None:
        self.table = table
        self.columns = columns
        self.words = words
        self.entries: list[Entry] = []
        self.diagnostics: list[Diagnostic] = []
        self.context: dict[str, SourceCell] = {}  # activity, budget, ... carried down
        self.duty = ""

    def cell(self, row: SourceRow, column: int | None) -> SourceCell | None:
        if column is None or column >= len(row.cells):
            return None
        return row.cells[column]

    def text(self, row: SourceRow, role: str) -> str:
        found = self.cell(row, self.columns.first(role))
        return _clean(found.text) if found else ""

    def note(self, code: Code, message: str, location: Location, indicator: str = "") -> None:
        self.diagnostics.append(Diagnostic(code, message, location, indicator))

    def read(self, rows: Iterable[SourceRow]) -> None:
        for row in rows:
            self.read_row(row)

    def read_row(self, row: SourceRow) -> None:
        if row.is_blank:
            self.note(Code.BLANK_ROW, "a blank row", row.location)
            return
        name = self.text(row, "name")
        if _is_header(row, self.words) and (not name or self.words.role(name) == "name"):
            self.note(Code.HEADER_ROW, "a header row repeated in the table", row.location)
            return
        if not name:
            self.read_context(row)
            return
        self.read_indicator(row, name)

    def read_context(self, row: SourceRow) -> None:
        duty = self.text(row, "activity")
        tiers = [
            c.text
            for c in (self.cell(row, col) for col in self.columns.grades)
            if c and c.text.strip()
        ]
        if tiers:
            self.note(
                Code.BAD_ROW,
                f"a row with thresholds ({' | '.join(tiers)}) but no indicator name; "
                "write the indicator's name in its column",
                row.location,
            )
            return
        if duty:
            self.duty = duty
            self.context = {}
        self.note(Code.CONTEXT_ROW, f"a context row with no indicator: {_words(row)}", row.location)

    def carry(self, row: SourceRow) -> dict[str, tuple[SourceCell, bool]]:
        """The row's activity, budget, description and goal cells, each with
        whether it is the row's own (False: carried down from the rows above,
        as in cells merged down). A new activity starts a new context."""
        own = {
            role: found
            for role in ("activity", "budget", "description", "goal")
            if (found := self.cell(row, self.columns.first(role))) is not None
            and found.text.strip()
        }
        if "activity" in own and (
            "activity" not in self.context
            or _clean(self.context["activity"].text) != _clean(own["activity"].text)
        ):
            self.context = {}
        self.context.update(own)
        return {role: (cell, role in own) for role, cell in self.context.items()}

    def read_indicator(self, row: SourceRow, name: str) -> None:
        name_cell = self.cell(row, self.columns.first("name"))
        assert name_cell is not None
        location = name_cell.location
        tiers: dict[ScaleGrade, Threshold] = {}
        places: dict[ScaleGrade, Location] = {}
        failed = False
        for column, grade in self.columns.grades.items():
            cell = self.cell(row, column)
            if cell is None:
                tiers[grade] = Threshold.empty()
                places[grade] = row.location.at(column=self.columns.labels.get(column, ""))
                continue
            places[grade] = cell.location
            try:
                tiers[grade] = parse(cell.text)
            except ThresholdSyntaxError as exc:
                failed = True
                self.unreadable(cell, exc, name)
        target_read, target = self.read_target(row, name)
        if failed or not target_read:
            return
        unit = self.text(row, "unit") or None
        weight = self.weight(row, name)
        try:
            indicator = Indicator(
                name,
                tiers,
                target=target,
                weight=weight,
                scale=self.columns.scale or Grade,
                unit=unit,
            )
        except UnitMismatchError as exc:
            self.note(
                Code.INCOMPATIBLE_UNITS,
                f"{exc}; write every tier in one unit",
                _odd_unit_out(tiers, places, unit) or location,
                name,
            )
            return
        except KpiError as exc:
            self.note(Code.BAD_ROW, str(exc), location, name)
            return
        context = self.carry(row)

        def text(role: str) -> str:
            return _clean(context[role][0].text) if role in context else ""

        self.entries.append(
            Entry(
                indicator,
                duty=self.duty,
                activity=text("activity"),
                budget=self.budget(context.get("budget"), name),
                description=text("description"),
                goal=text("goal"),
                location=location,
                cells=tuple(places[g] for g in indicator.scale) if places else (),
            )
        )

    def read_target(self, row: SourceRow, name: str) -> tuple[bool, Threshold | None]:
        """Whether the target cell of a single-target row could be read, and
        its threshold (None where the table has no target)."""
        cell = self.cell(row, self.columns.first("target"))
        if cell is None or not cell.text.strip():
            return True, None
        operator = self.text(row, "operator")
        unit = self.text(row, "unit")
        text = f"{operator}{cell.text.strip()}" if operator else cell.text
        try:
            target = parse(text)
            if unit and target.is_numeric and target.unit is None:
                target = parse(f"{text}{unit}")  # ≥ | 95 | % is ≥95%
            return True, target
        except ThresholdSyntaxError as exc:
            self.unreadable(cell, exc, name)
            return False, None

    def unreadable(self, cell: SourceCell, exc: ThresholdSyntaxError, name: str) -> None:
        located = ThresholdSyntaxError(
            exc.text, exc.reason, exc.column, str(cell.location), exc.hint
        )
        self.note(Code.UNREADABLE_CELL, str(located), cell.location, name)

    def weight(self, row: SourceRow, name: str) -> Decimal | None:
        """The row's weight (分值), or None; a weight that is not a number of
        0 or more is an error, and the indicator has no weight."""
        cell = self.cell(row, self.columns.first("weight"))
        if cell is None or not _clean(cell.text):
            return None
        text = _clean(cell.text).removesuffix("分").strip()
        try:
            value: Decimal | None = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite() or value < 0:
            self.note(
                Code.UNREADABLE_WEIGHT,
                f"the weight {cell.text!r} is not a number of 0 or more, so the indicator "
                "has no weight and the total cannot be graded; write it as digits such as 10",
                cell.location,
                name,
            )
            return None
        return value

    def budget(self, found: tuple[SourceCell, bool] | None, name: str) -> Decimal | None:
        """The budget of the row's activity; a budget that is not a number is
        said once, on the row that holds it, and the entry has no budget."""
        if found is None:
            return None
        cell, own = found
        text = _clean(cell.text).replace(",", "")
        try:
            value = Decimal(text)
        except InvalidOperation:
            value = None
        if value is None or not value.is_finite():
            if own:
                self.note(
                    Code.UNREADABLE_BUDGET,
                    f"the budget {cell.text!r} is not a number, so the indicators of this "
                    "activity have no budget; write it as digits such as 95.1",
                    cell.location,
                    name,
                )
            return None
        return value


def assemble(
    tables: Iterable[SourceTable],
    *,
    source: str = "",
    encoding: str = "",
    words: HeaderWords | None = None,
) -> Rubric:
    """The rubric of the rubric tables among *tables* (see the module doc)."""
    words = words or load_header_words()
    entries: list[Entry] = []
    diagnostics: list[Diagnostic] = []
    for table in tables:
        rows = list(table.rows)
        start = next(
            (i for i, row in enumerate(rows[: MAX_HEADER_ROWS + 1]) if _is_header(row, words)),
            None,
        )
        if start is None:
            diagnostics.append(_not_a_rubric(table, "no header row names its columns"))
            continue
        end = start
        while end < len(rows) and _is_header(rows[end], words):
            end += 1
        columns = _columns(rows[start:end], words)
        if not columns.is_rubric:
            diagnostics.append(
                _not_a_rubric(
                    table, "its header names no indicator column with 优/良/中/差 or 指标值"
                )
            )
            continue
        reader = _TableReader(table, columns, words)
        for row in rows[:start]:
            if row.is_blank:
                reader.note(Code.BLANK_ROW, "a blank row", row.location)
                continue
            reader.note(
                Code.CONTEXT_ROW, f"a caption above the header: {_words(row)}", row.location
            )
        for row in rows[start:end]:
            reader.note(Code.HEADER_ROW, "a header row", row.location)
        reader.read(rows[end:])
        entries.extend(reader.entries)
        diagnostics.extend(reader.diagnostics)
        diagnostics.extend(_duplicates(reader.entries))
    return Rubric(tuple(entries), tuple(diagnostics), source, encoding)


def _odd_unit_out(
    tiers: Mapping[ScaleGrade, Threshold], places: Mapping[ScaleGrade, Location], unit: str | None
) -> Location | None:
    """The cell of the first tier whose unit does not convert to the unit
    of the tiers before it (or of the unit column)."""
    first = parse(f"1{unit}").unit if unit else None
    for grade, threshold in tiers.items():
        if threshold.unit is None:
            continue
        if first is None:
            first = threshold.unit
        elif not first.compatible(threshold.unit):
            return places.get(grade)
    return None


def _not_a_rubric(table: SourceTable, why: str) -> Diagnostic:
    rows = [c.location.row for r in table.rows for c in r.cells if c.location.row is not None]
    rows += [r.location.row for r in table.rows if r.location.row is not None]
    word = table.rows[0].location.row_word if table.rows else "row"
    span = f"{word}s {min(rows)}-{max(rows)}" if rows else "no rows"
    return Diagnostic(
        Code.NOT_A_RUBRIC,
        f"a table ({span}) that is not a rubric: {why}",
        table.rows[0].location if table.rows else table.location,
    )


def _duplicates(entries: Sequence[Entry]) -> list[Diagnostic]:
    seen: dict[tuple[str, str, str], Entry] = {}
    found = []
    for entry in entries:
        key = (entry.duty, entry.activity, entry.name)
        if key in seen:
            found.append(
                Diagnostic(
                    Code.DUPLICATE_NAME,
                    f"the indicator {entry.name!r} appears again in the same activity "
                    f"(first at {seen[key].location}); give each indicator its own name",
                    entry.location,
                    entry.name,
                )
            )
        else:
            seen[key] = entry
    return found
