"""Writing a report while it is evaluated (:class:`kpi.stream.Evaluation`):
each row is written as it comes, the department totals when every row is
known, so memory does not grow with the rows. CSV and JSON can be written
so (:data:`STREAM_FORMATS`); atomically, as :func:`kpi.write_report` writes.

The columns and the numbers are those of :func:`kpi.write_report`
(:mod:`kpi.output.records`); only the order differs:

* CSV: the header, every row in the order the evaluation gives it, then
  one ``total`` row per department, in the order the departments first
  appear (:func:`kpi.write_report` puts each total after its department's
  rows);
* JSON: the same document as :func:`kpi.write_report`, with ``rows`` (in
  the order the evaluation gives them) written before ``departments``.
"""

from __future__ import annotations

import codecs
import io
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from kpi.atomic import write_atomically
from kpi.errors import ReportWriteError
from kpi.output import report_format, unencodable
from kpi.output.delimited import csv_writer
from kpi.output.json import report_document
from kpi.output.records import row_cells, row_record, summary_record, total_record
from kpi.stream import Evaluation

__all__ = ["STREAM_FORMATS", "stream_report"]

STREAM_FORMATS = ("csv", "json")
"""The formats :func:`stream_report` writes."""


def stream_report(
    evaluation: Evaluation, path: str | os.PathLike[str], *, format: str | None = None
) -> Path:
    """Consume *evaluation*, writing each row to *path* as it comes and the
    department totals at the end, in *format* or else the format the
    suffix names (CSV or JSON); returns the path written. Errors as for
    :func:`kpi.write_report`; whatever the evaluation raises (an actuals
    file that turns out to be broken half way) leaves the file at *path*
    unchanged too.
    """
    target = Path(path)
    fmt = report_format(target, format)
    if fmt not in STREAM_FORMATS:
        raise ReportWriteError(
            f"cannot write report {str(target)!r} while grading: {fmt.upper()} is written "
            "from a whole report; stream CSV or JSON"
        )
    write = _write_csv if fmt == "csv" else _write_json
    try:
        write_atomically(target, lambda out: _text(out, fmt, lambda text: write(evaluation, text)))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ReportWriteError(f"cannot write report {str(target)!r}: {reason}") from None
    except UnicodeEncodeError as exc:
        raise unencodable(f"report {str(target)!r}", exc) from None
    return target


def _text(out: BinaryIO, fmt: str, write: Callable[[io.TextIOWrapper], None]) -> None:
    """Write text to *out* through *write*: UTF-8, with a byte order mark for CSV."""
    if fmt == "csv":
        out.write(codecs.BOM_UTF8)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=False)
    try:
        write(text)
        text.flush()
    finally:
        text.detach()


def _write_csv(evaluation: Evaluation, out: io.TextIOWrapper) -> None:
    writer = csv_writer(out)
    writer.writerows(row_cells(row) for row in evaluation)
    writer.writerows(total_record(d).values() for d in evaluation.departments)


def _write_json(evaluation: Evaluation, out: io.TextIOWrapper) -> None:
    document = report_document(evaluation.grading.report((), actuals=evaluation.actuals.source))
    head = {k: v for k, v in document.items() if k not in ("departments", "rows", "notes")}
    out.write(_dumps(head)[:-2] + ',\n  "rows": [')
    separator = "\n    "
    for row in evaluation:
        out.write(separator + _dumps(row_record(row), "    "))
        separator = ",\n    "
    summaries = [summary_record(d) for d in evaluation.departments]
    out.write("\n  ],\n  " + f'"departments": {_dumps(summaries, "  ")},\n  ')
    out.write(f'"notes": {_dumps(document["notes"], "  ")}\n}}\n')


def _dumps(value: object, indent: str = "") -> str:
    """*value* as JSON indented by 2, its lines after the first indented by *indent*."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
