"""Delimited text tables: ``.csv`` (comma) and ``.tsv`` (tab).

The bytes are decoded by :func:`kpi.readers.encoding.decode` (UTF-8 with or
without a byte order mark, then GB18030, the encoding finance systems
export), and the encoding found is reported with the tables. The text is
split into records by the standard :mod:`csv` module: a quoted cell may hold
the delimiter, doubled quotes and line breaks; ``\\r\\n``, ``\\n`` and
``\\r`` all end a record, and a trailing line break adds no record.

A file is one table. Each record is one row, numbered from 1 in the order
of the records (a quoted cell that spans several lines is still one row),
so the row of a cell is the row a spreadsheet shows. A row shorter than the
longest one is padded with empty cells; an empty line is a blank row. A
cell's column is its 1-based position as a number (``"3"``). A file whose
quoting is broken (a quote left open, text after a closing quote) is refused
with the line where reading stopped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from kpi.errors import SourceReadError
from kpi.location import Location
from kpi.readers.encoding import decode
from kpi.source import SourceCell, SourceRow, SourceTable

__all__ = ["iter_records", "read_delimited_tables"]

_KINDS = {",": "CSV", "\t": "TSV"}


def read_delimited_tables(
    data: bytes, *, file: str, delimiter: str
) -> tuple[list[SourceTable], str]:
    """The one table of a delimited file and the name of its encoding
    (``utf-8``, ``utf-8-sig`` or ``gb18030``)."""
    text, encoding = decode(data, file=file)
    records = _records(text, file=file, delimiter=delimiter)
    width = max((len(record) for record in records), default=0)
    rows: list[SourceRow] = []
    for number, record in enumerate(records, start=1):
        padded = [*record, *([""] * (width - len(record)))]
        cells = tuple(
            SourceCell(cell, Location(file, row=number, column=str(column)))
            for column, cell in enumerate(padded, start=1)
        )
        rows.append(SourceRow(cells, Location(file, row=number)))
    return [SourceTable(tuple(rows), Location(file))], encoding


def _records(text: str, *, file: str, delimiter: str) -> list[list[str]]:
    return list(iter_records(io.StringIO(text, newline=""), file=file, delimiter=delimiter))


def iter_records(lines: Iterable[str], *, file: str, delimiter: str) -> Iterator[list[str]]:
    """The records of the delimited text *lines* gives (a text file opened
    with ``newline=""``), one at a time: the row of a record is its 1-based
    position. Broken quoting is refused as by :func:`read_delimited_tables`,
    when the reading gets there.

    >>> list(iter_records(['a,"b\\n', 'c"\\r\\n', "d\\n"], file="x.csv", delimiter=","))
    [['a', 'b\\nc'], ['d']]
    """
    kind = _KINDS.get(delimiter, f"text delimited by {delimiter!r}")
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    count = 0
    try:
        for record in reader:
            count += 1
            yield record
    except csv.Error as exc:
        raise SourceReadError(
            file,
            f"it is not valid {kind} at line {reader.line_num} "
            f"(row {count + 1}): {exc}; {_advice(str(exc))}",
        ) from None


def _advice(reason: str) -> str:
    if "field limit" in reason:
        return "a cell this long is no rubric cell; check that the file is the rubric table"
    return (
        'quote a cell that holds the delimiter, a quote or a line break ("...") '
        'and double every quote inside it ("")'
    )
