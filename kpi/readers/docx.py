"""Word tables: every table of a ``.docx`` file, through python-docx.

Each table of the document body becomes a :class:`~kpi.source.SourceTable`,
in document order, nested tables included (a table inside a cell follows the
table that holds it and is numbered after it). Its location names
``table N`` (1-based); rows are numbered from 1 within the table and a
cell's column is its 1-based grid column, as text (``"6"``).

Merged cells: every table is read on its layout grid, so each row has one
cell per grid column. A cell merged across columns (``gridSpan``) and a cell
merged down (``vMerge``) repeat their text in every grid position they
cover, and every copy keeps the location of the merged cell itself (the
top-left position, where the text is written), as
:mod:`kpi.source` describes. Repeating is the same to
:func:`kpi.assemble.assemble` as an empty continuation cell under the
activity, budget, description and goal columns (an empty cell there
continues the row above), and it also gives a header merged down over two
header rows to both rows. Grid positions a row leaves out (``gridBefore``,
``gridAfter``, a short row) are empty cells with their own location.

The text just above a table (the nearest paragraph before it) is its
caption. A file that is not a Word document raises
:class:`~kpi.errors.SourceReadError` naming the file and the reason.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from kpi.extras import require
from kpi.location import Location
from kpi.readers.package import LOAD_ERRORS, damaged, open_package, refusal
from kpi.source import SourceCell, SourceRow, SourceTable

__all__ = ["read_docx_tables"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MAX_COLUMNS = 63  # the most columns a Word table has

# ... and what python-docx raises on well-formed XML that is not laid out as
# a Word document requires (an element of the wrong kind, a missing target)
_DOCX_ERRORS: tuple[type[Exception], ...] = (*LOAD_ERRORS, AttributeError, TypeError)


def read_docx_tables(data: bytes, *, file: str) -> list[SourceTable]:
    """The tables of the Word document *data* (the bytes of a ``.docx``
    file named *file*), in document order."""
    docx = require("docx")
    open_package(data, file=file, kind="docx").close()
    try:
        document = docx.Document(io.BytesIO(data))
        body: Any = document.element.body
    except _DOCX_ERRORS as exc:
        if isinstance(exc, ValueError) and "is not a Word file" in str(exc):
            # python-docx: the main part is not a document body (.docm, .dotx)
            reason = "its main part is not a Word document body; save it as .docx"
            raise refusal(file, "docx", reason) from None
        raise damaged(file, "docx", exc) from None
    tables: list[SourceTable] = []
    for tbl in _tables(body):
        sheet = f"table {len(tables) + 1}"
        tables.append(
            SourceTable(
                tuple(_rows(tbl, Location(file, sheet))),
                Location(file, sheet),
                _caption(tbl),
            )
        )
    return tables


def _tables(body: Any) -> Iterator[Any]:
    """Every ``w:tbl`` of the body in document order, nested ones included;
    a table in the fallback copy of a drawing (``mc:Fallback``) is left out,
    as its content repeats the ``mc:Choice`` before it."""
    for tbl in body.iter(f"{_W}tbl"):
        if not any(ancestor.tag == _FALLBACK for ancestor in tbl.iterancestors()):
            yield tbl


def _caption(tbl: Any) -> str:
    """The text of the nearest non-empty paragraph before *tbl*, up to the
    table before it."""
    for element in tbl.itersiblings(preceding=True):
        if element.tag == f"{_W}tbl":
            return ""
        if element.tag == f"{_W}p":
            text = _paragraph_text(element).strip()
            if text:
                return text
    return ""


def _paragraph_text(p: Any) -> str:
    """A paragraph's text as python-docx gives it (runs and hyperlinks)."""
    return str(p.text or "")


def _cell_text(tc: Any) -> str:
    """A cell's text: its paragraphs (those of content controls too) joined
    by line breaks; the text of a table nested in it is not part of it."""
    paragraphs = tc.xpath("./w:p | ./w:sdt/w:sdtContent/w:p")
    return "\n".join(_paragraph_text(p) for p in paragraphs)


def _number(element: Any, path: str) -> int | None:
    """The integer attribute at *path* of *element*, or None when it is not
    there or not a number (read from the XML itself, so that a malformed
    value is ignored where python-docx would refuse it)."""
    found = element.xpath(path)
    try:
        return int(found[0]) if found else None
    except ValueError:
        return None


def _continues(tc: Any) -> bool:
    """Whether *tc* continues the cell above it (``<w:vMerge/>`` or
    ``w:val="continue"``)."""
    merge = tc.xpath("./w:tcPr/w:vMerge")
    return bool(merge) and merge[0].get(f"{_W}val", "continue") == "continue"


def _pad(cells: list[SourceCell], width: int, row: Location) -> None:
    """Fill *cells* up to *width* with empty cells at their own places."""
    while len(cells) < width:
        cells.append(SourceCell("", row.at(column=str(len(cells) + 1))))


def _rows(tbl: Any, table: Location) -> list[SourceRow]:
    """The rows of *tbl* on its layout grid (see the module doc)."""
    # A row is at most as wide as the table's grid or Word's 63 columns, so a
    # malformed span cannot make millions of cells.
    limit = max(len(tbl.xpath("./w:tblGrid/w:gridCol")), _MAX_COLUMNS)
    grid: list[list[SourceCell]] = []
    for number, tr in enumerate(tbl.xpath("./w:tr | ./w:sdt/w:sdtContent/w:tr"), start=1):
        row = table.at(row=number)
        above = grid[-1] if grid else []
        cells: list[SourceCell] = []
        before = _number(tr, "./w:trPr/w:gridBefore/@w:val") or 0
        _pad(cells, min(max(before, 0), limit), row)
        for tc in tr.xpath("./w:tc | ./w:sdt/w:sdtContent/w:tc"):
            start = len(cells)
            span = min(max(_number(tc, "./w:tcPr/w:gridSpan/@w:val") or 1, 1), limit - start)
            if span < 1:
                break  # past the widest a row can be
            if _continues(tc) and start < len(above):
                cells.extend(above[start : start + span])
                _pad(cells, start + span, row)
            else:
                cell = SourceCell(_cell_text(tc), row.at(column=str(start + 1)))
                cells.extend([cell] * span)
        grid.append(cells)
    width = max((len(cells) for cells in grid), default=0)
    rows = []
    for number, cells in enumerate(grid, start=1):
        row = table.at(row=number)
        _pad(cells, width, row)
        rows.append(SourceRow(tuple(cells), row))
    return rows
