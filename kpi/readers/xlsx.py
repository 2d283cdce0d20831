"""Excel sheets: every worksheet of an ``.xlsx`` file, through openpyxl.

The workbook is opened in read-only mode and its rows are streamed, so a
large sheet is read once, row by row. Each worksheet (or only the one asked
for) becomes a :class:`~kpi.source.SourceTable` whose location names the
sheet; each cell is located by the sheet's own row number and its column
letter (``F``).

Merged cells: read-only worksheets do not expose them, so the
``<mergeCells>`` of each sheet are read from the archive. The text of a
merged range's top-left cell is repeated in every cell of the range, and
every copy keeps the top-left cell's location (where the text is written),
as :mod:`kpi.source` describes.

What a cell says is its value as a person typed it: text as it is; a number
in its shortest form at Excel's 15 significant digits (``95.1``, ``3``, not
``95.10000000000001`` or ``3.0``); a number formatted as a percentage as one
(``0.95`` shown as ``95%`` is ``"95%"``; ``95`` under the format ``0"%"``,
which writes the sign as text, is ``"95%"`` too); ``TRUE``/``FALSE``; a date as
``2018-12-31`` (with its time when it has one).

Empty rows before the first row with text and after the last one, and empty
columns after the last column with text, are left out; an empty row
between rows with text is kept (it is a blank row of the table). A merged
range is copied over the rows it covers that the sheet has, and over the
columns up to the last with text of its own: a range reaching to the end of
the sheet adds no columns.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import posixpath
import re
import zipfile
from collections.abc import Iterator
from decimal import Decimal
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

from kpi.errors import SourceReadError
from kpi.extras import require
from kpi.location import Location
from kpi.readers.package import LOAD_ERRORS, damaged, open_package, refusal
from kpi.source import SourceCell, SourceRow, SourceTable

__all__ = ["read_xlsx_tables"]

_OFFICE_DOCUMENT = "/officeDocument"  # the end of the relationship type of the main part
_WORKSHEET = "/worksheet"  # the end of the relationship type of a worksheet
# What openpyxl raises on malformed parts besides the archive errors: a
# value of the wrong type or form in an attribute, a style index that is not
# there, no workbook in [Content_Types].xml (OSError), a chart sheet without
# a chart (AttributeError, openpyxl 3.1.5).
_OPENPYXL_ERRORS: tuple[type[Exception], ...] = (
    *LOAD_ERRORS,
    TypeError,
    IndexError,
    OSError,
    AttributeError,
)
# Parts of a number format that do not make it a percentage: quoted text,
# escaped characters, [colours] and [$-locales], _x (space) and *x (fill).
_FORMAT_LITERALS = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')

_CHUNK = 1 << 20  # bytes of a sheet's XML parsed at a time, looking for merged cells

Merge = tuple[int, int, int, int]  # first row, first column, last row, last column (1-based)


def read_xlsx_tables(data: bytes, *, file: str, sheet: str | None) -> list[SourceTable]:
    """The worksheets of the workbook *data* (the bytes of an ``.xlsx`` file
    named *file*) as tables, in the workbook's order; only *sheet* when it
    is given (a sheet that is not there raises
    :class:`~kpi.errors.SourceReadError` naming the sheets there are)."""
    openpyxl = require("openpyxl")
    with open_package(data, file=file, kind="xlsx") as archive:
        try:
            paths = _sheet_paths(archive)
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except _OPENPYXL_ERRORS as exc:
            raise damaged(file, "xlsx", exc) from None
        try:
            names: list[str] = list(workbook.sheetnames)
            if sheet is not None and sheet not in names:
                there = ", ".join(repr(n) for n in names)
                raise SourceReadError(
                    file, f"it has no sheet named {sheet!r}; its sheets are {there}"
                )
            tables = []
            for worksheet in workbook.worksheets:
                title = str(worksheet.title)
                if sheet is not None and title != sheet:
                    continue
                try:
                    merges = _merges(archive, paths.get(title))
                except LOAD_ERRORS as exc:
                    raise damaged(file, "xlsx", exc) from None
                except expat.ExpatError as exc:
                    reason = f"a part of it is not well-formed XML: {exc}"
                    raise refusal(file, "xlsx", reason) from None
                rows = _read_sheet(worksheet, merges, Location(file, title))
                tables.append(SourceTable(tuple(rows), Location(file, title)))
        finally:
            workbook.close()
    if sheet is not None and not tables:
        raise SourceReadError(file, f"the sheet {sheet!r} is a chart sheet, not a worksheet")
    return tables


# ----------------------------------------------------------- merged cells


def _local(tag: str) -> str:
    """An XML name without its namespace (strict OOXML uses other ones)."""
    return tag.rpartition("}")[2]


def _attribute(element: ElementTree.Element, name: str) -> str | None:
    """The attribute *name* of *element* in any namespace (``r:id``)."""
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """The relationships of *part*: id -> (type, path of the target)."""
    folder, name = posixpath.split(part)
    rels = posixpath.join(folder, "_rels", f"{name}.rels")
    if rels not in archive.namelist():
        return {}
    found = {}
    for element in ElementTree.fromstring(archive.read(rels)):
        target = element.get("Target", "")
        if _local(element.tag) != "Relationship" or element.get("TargetMode") == "External":
            continue
        path = target.lstrip("/") if target.startswith("/") else posixpath.join(folder, target)
        found[element.get("Id", "")] = (element.get("Type", ""), posixpath.normpath(path))
    return found


def _sheet_paths(archive: zipfile.ZipFile) -> dict[str, str]:
    """Each worksheet's name -> the path of its XML in the archive."""
    workbook = next(
        (
            path
            for kind, path in _relationships(archive, "").values()
            if kind.endswith(_OFFICE_DOCUMENT)
        ),
        "xl/workbook.xml",
    )
    targets = _relationships(archive, workbook)
    paths = {}
    for element in ElementTree.fromstring(archive.read(workbook)).iter():
        if _local(element.tag) != "sheet":
            continue
        kind, path = targets.get(_attribute(element, "id") or "", ("", ""))
        if kind.endswith(_WORKSHEET):
            paths[element.get("name", "")] = path
    return paths


def _merges(archive: zipfile.ZipFile, path: str | None) -> list[Merge]:
    """The merged ranges of the sheet at *path*, by first row."""
    if path is None or path not in archive.namelist():
        return []
    range_boundaries: Any = require("openpyxl").utils.cell.range_boundaries
    merges: list[Merge] = []
    with archive.open(path) as source:
        for ref in _merge_refs(source):
            try:
                first_col, first_row, last_col, last_row = range_boundaries(ref)
            except (ValueError, TypeError):
                continue  # a malformed range merges nothing
            if None not in (first_col, first_row, last_col, last_row):
                merges.append((first_row, first_col, last_row, last_col))
    return sorted(merges)


def _merge_refs(source: IO[bytes]) -> list[str]:
    """The ``ref`` of every ``<mergeCell>`` of a sheet's XML.

    The ``<mergeCells>`` come after the sheet's data, so the XML is parsed by
    expat without a handler (at C speed, building nothing) until the text
    ``mergeCell`` shows up; only from there is each element looked at.
    """
    refs: list[str] = []

    def start(name: str, attributes: dict[str, str]) -> None:
        if name.rpartition(" ")[2] == "mergeCell" and "ref" in attributes:
            refs.append(attributes["ref"])

    parser = expat.ParserCreate(namespace_separator=" ")
    tail = b""  # the end of the chunk before, for a name cut in two
    while chunk := source.read(_CHUNK):
        if parser.StartElementHandler is None and b"mergeCell" in tail + chunk:
            parser.StartElementHandler = start
        parser.Parse(chunk, False)
        tail = chunk[-16:]
    parser.Parse(b"", True)
    return refs


# ----------------------------------------------------------- cells and rows


def _percent(number_format: str) -> tuple[bool, str]:
    """Whether *number_format* shows a number times 100 with ``%``, and the
    ``%`` or ``‰`` it writes after the number as text (``0"%"``), if any."""
    if "%" in _FORMAT_LITERALS.sub("", number_format):
        return True, "%"
    literals = "".join(_FORMAT_LITERALS.findall(number_format))
    return False, next((sign for sign in "%‰" if sign in literals), "")


def _number(value: int | float) -> Decimal:
    """A number at Excel's precision: 15 significant digits, shortest form."""
    if isinstance(value, int):
        return Decimal(value)
    return Decimal(repr(float(f"{value:.15g}")))


def _plain(number: Decimal) -> str:
    """*number* in positional notation, without trailing zeros."""
    if number == number.to_integral_value():
        return str(int(number))
    return format(number.normalize(), "f")


def _text(cell: Any) -> str:
    """What *cell* says, as a person typed it (see the module doc)."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float):
        if isinstance(value, float) and not math.isfinite(value):
            return repr(value)
        number = _number(value)
        times_100, sign = _percent(str(cell.number_format or ""))
        return f"{_plain(number * 100 if times_100 else number)}{sign}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value)


def _sheet_texts(worksheet: Any, file: str) -> Iterator[list[str]]:
    """The text of each cell of each row of *worksheet*, from row 1 and
    column A; a row is as long as its last cell openpyxl reads. What openpyxl
    raises on a damaged sheet becomes :class:`~kpi.errors.SourceReadError`."""
    try:
        worksheet.reset_dimensions()  # read every row, whatever <dimension> says
        rows = iter(worksheet.iter_rows(min_row=1, min_col=1))
    except _OPENPYXL_ERRORS as exc:
        raise damaged(file, "xlsx", exc) from None
    while True:
        try:
            cells = next(rows, None)
            if cells is None:
                return
            texts = [
                value if type(value) is str else "" if value is None else _text(cell)
                for cell in cells
                for value in (cell.value,)
            ]
        except _OPENPYXL_ERRORS as exc:
            raise damaged(file, "xlsx", exc) from None
        yield texts


def _read_sheet(worksheet: Any, merges: list[Merge], sheet: Location) -> list[SourceRow]:
    """The rows of *worksheet*, with merged cells copied and the empty rows
    and columns around the text left out."""
    letter: Any = require("openpyxl").utils.get_column_letter
    file, title = sheet.file, sheet.sheet
    first = 0  # the sheet's row number of the first row kept
    grid: list[list[SourceCell | None]] = []  # the rows kept, from row `first` on
    blank = 0  # the blank rows since the last row with text
    width = 0  # the columns up to the last with text
    number = 0  # the last row of the sheet
    for number, texts in enumerate(_sheet_texts(worksheet, file), start=1):
        cells: list[SourceCell | None] = [None] * len(texts)
        last = 0  # the last column with text
        for column, text in enumerate(texts, start=1):
            if text:
                cells[column - 1] = SourceCell(text, Location(file, title, number, letter(column)))
                if not text.isspace():
                    last = column
        if not last:
            blank += 1
            continue
        if not grid:
            first, blank = number, 0
        grid.extend([] for _ in range(blank))
        grid.append(cells)
        blank = 0
        width = max(width, last)
    _copy_merged(grid, first, width, number, merges)
    rows = []
    for number, cells in enumerate(grid, start=first):
        del cells[width:]
        cells.extend([None] * (width - len(cells)))
        padded = tuple(
            c if c is not None else SourceCell("", Location(file, title, number, letter(i)))
            for i, c in enumerate(cells, start=1)
        )
        rows.append(SourceRow(padded, Location(file, title, number)))
    return rows


def _copy_merged(
    grid: list[list[SourceCell | None]], first: int, width: int, end: int, merges: list[Merge]
) -> None:
    """Copy the top-left cell of each merged range over the range, within the
    columns that hold text and the rows the sheet has (up to row *end*), so
    that a range reaching to the end of the sheet costs no more than the
    table."""
    for first_row, first_col, last_row, last_col in merges:
        top = first_row - first
        if not 0 <= top < len(grid) or first_col > len(grid[top]):
            continue
        origin = grid[top][first_col - 1]
        if origin is None or origin.text.isspace():
            continue
        bottom = min(last_row, end) - first + 1
        grid.extend([] for _ in range(bottom - len(grid)))
        right = min(last_col, width)
        for cells in grid[top:bottom]:
            cells.extend([None] * (right - len(cells)))
            cells[first_col - 1 : right] = [origin] * (right - first_col + 1)
