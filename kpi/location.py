"""Where something is in a source file: file, sheet, row and column."""

from __future__ import annotations

import attrs

__all__ = ["Location"]


@attrs.frozen
class Location:
    """A place in a source: ``file`` (its name), ``sheet`` (a worksheet or
    ``table 2`` of a Word file), ``row`` (1-based: the line of a text file,
    the row of a sheet or table) and ``column`` (a letter such as ``F``, or a
    header such as ``优``). Empty parts are left out of ``str()``."""

    file: str = ""
    sheet: str = ""
    row: int | None = None
    column: str = ""
    row_word: str = attrs.field(default="row", eq=False)
    """How ``str()`` names the row: ``row``, or ``line`` for a text file."""

    def __str__(self) -> str:
        parts = []
        if self.file:
            parts.append(self.file)
        if self.sheet:
            parts.append(
                f"sheet {self.sheet!r}" if not self.sheet.startswith("table ") else self.sheet
            )
        if self.row is not None:
            parts.append(f"{self.row_word} {self.row}")
        if self.column:
            parts.append(f"column {self.column}")
        return ", ".join(parts) or "<unknown place>"

    def at(self, *, row: int | None = None, column: str | None = None) -> Location:
        """The same place with another row and/or column."""
        return attrs.evolve(  # keeps row_word
            self,
            row=self.row if row is None else row,
            column=self.column if column is None else column,
        )
