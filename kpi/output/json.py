"""A report as one JSON document, for programs.

The document::

    {
      "format": "kpi-report",
      "version": 1,
      "rubric": "wuji_2018.txt",          # the sources, as the report names them
      "actuals": "actuals.csv",
      "settings": {
        "out_of": "100",
        "missing": "zero",                # or "exclude"
        "fractions": {"achieved": "1", "partly_achieved": "0.8", ...},
        "gap": null                       # or "worse", "nearest", "error" when overridden
      },
      "departments": [{...}, ...],        # summary records, one per department
      "rows": [{...}, ...],               # row records of every department, in order
      "notes": ["..."]                    # the rubric's error-level findings, as text
    }

Every number is a string (:func:`kpi.output.records.number_text`), so that
no decimal is turned into a binary float; the records have the columns of
:mod:`kpi.output.records`. Chinese text is written as it is (UTF-8).
"""

from __future__ import annotations

import json

import attrs

from kpi.output.records import number_text, row_records, summary_records
from kpi.report import Report
from kpi.scoring import Fractions

__all__ = ["FORMAT_NAME", "FORMAT_VERSION", "render_json", "report_document"]

FORMAT_NAME = "kpi-report"
FORMAT_VERSION = 1


def report_document(report: Report) -> dict[str, object]:
    """The JSON document of *report*, as Python values (all numbers as text)."""
    fractions = {
        field.name: number_text(getattr(report.fractions, field.name))
        for field in attrs.fields(Fractions)
    }
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "rubric": report.rubric,
        "actuals": report.actuals,
        "settings": {
            "out_of": number_text(report.out_of),
            "missing": report.missing.value,
            "fractions": fractions,
            "gap": None if report.gap is None else report.gap.value,
        },
        "departments": summary_records(report),
        "rows": row_records(report),
        "notes": [str(note) for note in report.notes],
    }


def render_json(report: Report) -> str:
    """The JSON text of *report*: indented by 2, non-ASCII text as it is,
    ending with a newline."""
    return json.dumps(report_document(report), ensure_ascii=False, indent=2) + "\n"
