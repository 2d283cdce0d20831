"""Text tables laid out like the seed: a Word table converted to text.

A cell is a line that starts with a tab; the tab is dropped and the rest is
the cell's text (a line holding only a tab is an empty cell). The cells of
one row stand on consecutive lines; a blank line ends the row. A line that is
neither blank nor a cell ends the table. Each cell's location is its line.
"""

from __future__ import annotations

from collections.abc import Iterator

from kpi.location import Location
from kpi.source import SourceCell, SourceRow, SourceTable

__all__ = ["read_text_tables"]


def read_text_tables(text: str, *, file: str = "") -> list[SourceTable]:
    """The tables of *text*, in order."""
    tables: list[SourceTable] = []
    rows: list[SourceRow] = []
    cells: list[SourceCell] = []
    caption = ""

    def end_row() -> None:
        if cells:
            first = cells[0].location
            rows.append(SourceRow(tuple(cells), first.at(column="")))
            cells.clear()

    def end_table() -> None:
        end_row()
        if rows:
            tables.append(SourceTable(tuple(rows), Location(file), caption))
            rows.clear()

    for number, line in _lines(text):
        if line.startswith("\t"):
            place = Location(file, row=number, column=str(len(cells) + 1), row_word="line")
            cells.append(SourceCell(line[1:], place))
        elif not line.strip():
            end_row()
        else:
            end_table()
            caption = line.strip()
    end_table()
    return tables


def _lines(text: str) -> Iterator[tuple[int, str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        yield number, line.rstrip("\r\n")
