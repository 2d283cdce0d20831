"""``kpi.read_rubric``: any rubric file in, a :class:`~kpi.Rubric` out."""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from kpi.assemble import assemble
from kpi.errors import KpiError, RubricReadError, SourceReadError
from kpi.readers.encoding import decode
from kpi.readers.text import read_text_tables
from kpi.rubric import Rubric
from kpi.source import SourceTable

__all__ = ["FORMATS", "format_of", "load_source", "read_rubric"]

# format -> the file name endings that choose it
FORMATS: dict[str, tuple[str, ...]] = {
    "text": (".txt", ".text"),
    "docx": (".docx",),
    "xlsx": (".xlsx", ".xlsm"),
    "csv": (".csv",),
    "tsv": (".tsv", ".tab"),
    "toml": (".toml",),
    "json": (".json",),
}


def format_of(
    name: str,
    format: str | None,
    *,
    formats: Sequence[str] = tuple(FORMATS),
    what: str = "rubric",
    error: type[KpiError] = RubricReadError,
) -> str:
    """The format of a file: *format* when given (one of *formats*), else the
    one its name ends in; *error* (:class:`~kpi.RubricReadError`) when
    neither tells."""
    if format is not None:
        if format not in formats:
            raise error(f"unknown {what} format {format!r}; expected one of {', '.join(formats)}")
        return format
    suffix = Path(name).suffix.lower()
    for fmt in formats:
        if suffix in FORMATS[fmt]:
            return fmt
    subject = "" if what == "rubric" else f"{what} "
    named = f"{subject}{name!r}" if name else f"{subject}a file object without a name"
    raise error(
        f"cannot tell the format of {named} from its name; pass format= one of {', '.join(formats)}"
    )


def load_source(source: str | os.PathLike[str] | BinaryIO) -> tuple[str, bytes]:
    """The name and the bytes of a path or a binary file object."""
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        try:
            return path.name, path.read_bytes()
        except OSError as exc:
            raise SourceReadError(str(path), str(exc.strerror)) from None
    name = Path(str(getattr(source, "name", ""))).name
    data = source.read()
    if not isinstance(data, bytes):
        raise SourceReadError(name, "expected a file opened in binary mode ('rb')")
    return name, data


def read_rubric(
    source: str | os.PathLike[str] | BinaryIO,
    *,
    format: str | None = None,
    sheet: str | None = None,
) -> Rubric:
    """Read the rubric tables of a file into a :class:`~kpi.Rubric`.

    *source* is a path or a binary file object. The format comes from the
    file name (``.txt``, ``.docx``, ``.xlsx``, ``.csv``, ``.tsv``, ``.toml``,
    ``.json``) or from *format*; *sheet* picks one sheet of a workbook.
    Every row of every rubric table ends in the rubric, as an indicator or
    as a diagnostic in ``rubric.diagnostics``; a file that cannot be read at
    all raises :class:`~kpi.RubricReadError`.
    """
    try:
        return _read_rubric(source, format, sheet)
    except SourceReadError as exc:
        raise RubricReadError(exc.about("rubric")) from None


def _read_rubric(
    source: str | os.PathLike[str] | BinaryIO, format: str | None, sheet: str | None
) -> Rubric:
    name, data = load_source(source)
    fmt = format_of(name, format)
    encoding = ""
    tables: list[SourceTable]
    if fmt == "text":
        text, encoding = decode(data, file=name)
        tables = read_text_tables(text, file=name)
    elif fmt == "docx":
        from kpi.readers.docx import read_docx_tables

        tables = read_docx_tables(data, file=name)
    elif fmt == "xlsx":
        from kpi.readers.xlsx import read_xlsx_tables

        tables = read_xlsx_tables(data, file=name, sheet=sheet)
    elif fmt in ("csv", "tsv"):
        from kpi.readers.delimited import read_delimited_tables

        tables, encoding = read_delimited_tables(
            data, file=name, delimiter="," if fmt == "csv" else "\t"
        )
    else:
        from kpi.readers.native import read_native

        return read_native(data, file=name, format=fmt)
    rubric = assemble(tables, source=name, encoding=encoding)
    if not rubric.entries and not any(d.code.slug != "not-a-rubric" for d in rubric.diagnostics):
        raise SourceReadError(
            name,
            "no table in it has a header that names an "
            "indicator column and tier columns (优/良/中/差) or a target column (指标值)",
        )
    return rubric
