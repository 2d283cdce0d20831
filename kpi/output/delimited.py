"""A report as one CSV file: every row of every department, the department
as a column, and after each department's rows one row with the status
``total`` that carries its total (as ``points``), what the total is out of
(as ``weight``), the overall grade and the reason.

The file is UTF-8 with a byte order mark, so that Excel shows the Chinese
text, and lines end in CRLF as RFC 4180 says. Cells are written as they
are: a spreadsheet may read a cell such as ``=100%`` as a formula; the
``.xlsx`` report keeps every text as text.
"""

from __future__ import annotations

import csv
import io
from typing import Any, TextIO

from kpi.output.records import ROW_COLUMNS, row_cells, total_record
from kpi.report import Report

__all__ = ["csv_writer", "render_csv"]


def csv_writer(out: TextIO) -> Any:
    """A CSV writer on *out*, with lines ending in CRLF, that has written the
    header of the record columns (:data:`~kpi.output.records.ROW_COLUMNS`):
    write a row below it with ``writerow(row_cells(row))``."""
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(ROW_COLUMNS)
    return writer


def render_csv(report: Report) -> str:
    """The CSV text of *report*: a header of the record columns, then each
    department's rows and its total row. The caller adds the byte order
    mark (``utf-8-sig``)."""
    out = io.StringIO()
    writer = csv_writer(out)
    for department in report:
        writer.writerows(row_cells(row) for row in department.rows)
        writer.writerow(total_record(department).values())
    return out.getvalue()
