"""Tables as the readers find them, before any meaning is given to them.

Every reader (text, Word, Excel, CSV) turns a file into
:class:`SourceTable` objects: rows of cells, each cell with its text and its
:class:`~kpi.location.Location`. Merged cells are resolved by the reader: a
cell merged across columns or rows repeats its text in every position it
covers (the first position keeps its own location). :mod:`kpi.assemble` then
finds the header, the columns and the indicators, the same way for every
format.
"""

from __future__ import annotations

import attrs

from kpi.location import Location

__all__ = ["SourceCell", "SourceRow", "SourceTable"]


@attrs.frozen
class SourceCell:
    """The text of one cell (as found, not normalised) and where it is."""

    text: str
    location: Location


@attrs.frozen
class SourceRow:
    """One row of a table; ``location`` is the row's own place."""

    cells: tuple[SourceCell, ...]
    location: Location

    @property
    def texts(self) -> tuple[str, ...]:
        """The cells' texts."""
        return tuple(c.text for c in self.cells)

    @property
    def is_blank(self) -> bool:
        """True when every cell is empty or white space."""
        return all(not c.text.strip() for c in self.cells)


@attrs.frozen
class SourceTable:
    """One table of a source; ``location`` names the file and the sheet or
    table; ``caption`` is the text just above it, when the format has one."""

    rows: tuple[SourceRow, ...]
    location: Location
    caption: str = ""
