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

from kpi.output.records import ROW_COLUMNS, row_records, total_record
from kpi.report import Report

__all__ = ["render_csv"]


def render_csv(report: Report) -> str:
    """The CSV text of *report*: a header of the record columns
    (:data:`~kpi.output.records.ROW_COLUMNS`), then each department's rows
    and its total row. The caller adds the byte order mark (``utf-8-sig``)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=ROW_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for department in report:
        writer.writerows(row_records(department))
        writer.writerow(total_record(department))
    return out.getvalue()
