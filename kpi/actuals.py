"""The year's actual values: read from a mapping, CSV/TSV or XLSX, and paired
with the indicators of a rubric by name.

A file is read by the rubric readers (:mod:`kpi.readers.delimited`, with the
same encoding handling, and :mod:`kpi.readers.xlsx`). In each table, the
header is the first row, among the first ``MAX_HEADER_ROWS + 1``, that names
both a name column and a value column (the ``[actuals]`` words of
``grammar/headers.toml``); the
department and note columns are optional, and the column order is free. A
header cell may carry a bracketed remark (``实际值（2024年）``). Each
non-blank row below the header is one :class:`Actual`, its name and value
as written (values stay text: grading reads them later); an empty value is
kept. A row that repeats the header is skipped. Several departments may
share one file through the department column; a row with no department
belongs to the department ``""``. Every worksheet with such a header is
read; a table without one is listed in :attr:`Actuals.skipped`.

Actuals are matched to indicators by :func:`match_name`.
"""

from __future__ import annotations

import functools
import itertools
import os
import unicodedata
from collections.abc import Callable, Iterator, Mapping, Sequence
from decimal import Decimal
from pathlib import Path
from typing import BinaryIO

import attrs

from kpi.assemble import MAX_HEADER_ROWS, load_header_words
from kpi.errors import ActualsReadError, ArgumentTypeError, SourceReadError
from kpi.location import Location
from kpi.read import format_of, load_source
from kpi.readers.delimited import iter_records
from kpi.readers.encoding import CHUNK, detect
from kpi.source import SourceTable

__all__ = [
    "Actual",
    "Actuals",
    "ActualsStream",
    "DepartmentPairing",
    "Pairing",
    "iter_actuals",
    "match_name",
    "pair",
    "read_actuals",
]

_WORDS = load_header_words("actuals")
_NAMES_KEPT = 8192  # indicator names are few and repeat on every department's rows


@functools.lru_cache(maxsize=_NAMES_KEPT)
def _role(text: str) -> str | None:
    """The role of a header word (:meth:`~kpi.assemble.HeaderWords.role`),
    remembered: the rows ask it of every indicator name."""
    return _WORDS.role(text)


_FORMATS = ("csv", "tsv", "xlsx")

# Brackets as matched: every opening bracket becomes "(", every closing ")".
_BRACKETS = str.maketrans({"【": "(", "[": "(", "】": ")", "]": ")"})


@functools.lru_cache(maxsize=_NAMES_KEPT)
def match_name(name: str) -> str:
    """The key an indicator name is matched by.

    Folded: NFKC (full-width letters, digits and brackets ``（）`` to ASCII,
    U+3000 to a space); invisible format characters (zero-width space, BOM)
    and all white space removed; the brackets ``【`` ``[`` to ``(`` and
    ``】`` ``]`` to ``)``. Nothing else: the text inside brackets is kept
    (``组织对外联络（次）`` and ``组织对外联络`` are different indicators),
    and so are letter case and punctuation other than brackets.

    >>> match_name(" 组织对外联络 （次） ") == match_name("组织对外联络[次]")
    True
    >>> match_name("组织对外联络\u3000【次】")
    '组织对外联络(次)'
    """
    text = unicodedata.normalize("NFKC", name).translate(_BRACKETS)
    return "".join(ch for ch in text if not ch.isspace() and unicodedata.category(ch) != "Cf")


@attrs.frozen
class Actual:
    """One actual value: the indicator's ``name`` and the ``value`` as
    written, the ``department`` (``""`` when none is given), the ``note``
    and where it was read."""

    name: str
    value: str
    department: str = ""
    note: str = ""
    location: Location = attrs.field(factory=Location)

    @property
    def key(self) -> str:
        """The name as matched (:func:`match_name`)."""
        return match_name(self.name)

    @property
    def is_empty(self) -> bool:
        """True when no value is given (an empty or blank cell)."""
        return not self.value.strip()


@attrs.frozen
class Actuals:
    """The actuals of a source, in the order read. ``source`` is the file
    name (``""`` for a mapping or a file object without a name),
    ``encoding`` the text encoding of a CSV/TSV file (``""`` otherwise);
    ``skipped`` are the tables that have no actuals header."""

    items: tuple[Actual, ...]
    source: str = ""
    encoding: str = ""
    skipped: tuple[Location, ...] = ()

    def __iter__(self) -> Iterator[Actual]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def departments(self) -> tuple[str, ...]:
        """The departments, in the order they first appear."""
        return tuple(dict.fromkeys(a.department for a in self.items))

    def of(self, department: str) -> tuple[Actual, ...]:
        """The actuals of *department*, in order."""
        return tuple(a for a in self.items if a.department == department)

    @property
    def empty(self) -> tuple[Actual, ...]:
        """The actuals with no value."""
        return tuple(a for a in self.items if a.is_empty)


# ----------------------------------------------------------------- reading


def read_actuals(
    source: str | os.PathLike[str] | BinaryIO | Mapping[str, object],
    *,
    format: str | None = None,
    sheet: str | None = None,
) -> Actuals:
    """Read actual values.

    *source* is a path or binary file object of a ``.csv``, ``.tsv`` or
    ``.xlsx`` file (or *format* says which), or a mapping: indicator name to
    value (a str, int, float, Decimal, or None for no value), or department
    to such a mapping. *sheet* picks one sheet of a workbook. A file that
    cannot be read, or has no table with an actuals header, raises
    :class:`~kpi.ActualsReadError` naming the file.
    """
    if isinstance(source, Mapping):
        return Actuals(tuple(_from_mapping(source)))
    try:
        return _read_file(source, format, sheet)
    except SourceReadError as exc:
        raise ActualsReadError(exc.about("actuals")) from None


def _read_file(
    source: str | os.PathLike[str] | BinaryIO, format: str | None, sheet: str | None
) -> Actuals:
    name, data = load_source(source)
    fmt = format_of(name, format, formats=_FORMATS, what="actuals", error=ActualsReadError)
    encoding = ""
    tables: list[SourceTable]
    if fmt == "xlsx":
        from kpi.readers.xlsx import read_xlsx_tables

        tables = read_xlsx_tables(data, file=name, sheet=sheet)
    else:
        from kpi.readers.delimited import read_delimited_tables

        if sheet is not None:
            raise SourceReadError(
                name, f"sheet={sheet!r} is for .xlsx files, and this is {fmt.upper()}"
            )
        tables, encoding = read_delimited_tables(
            data, file=name, delimiter="," if fmt == "csv" else "\t"
        )
    items: list[Actual] = []
    skipped: list[Location] = []
    for table in tables:
        found = _read_table(table)
        if found is None:
            skipped.append(table.location)
        else:
            items.extend(found)
    if len(skipped) == len(tables):
        first = next((t.rows[0] for t in tables if t.rows), None)
        seen = "it is empty" if first is None else f"its first row is {_row_text(first.texts)!r}"
        raise SourceReadError(name, _no_header(seen))
    return Actuals(tuple(items), source=name, encoding=encoding, skipped=tuple(skipped))


def _row_text(texts: Sequence[str]) -> str:
    return ", ".join(t.strip() for t in texts if t.strip())


Line = tuple[Sequence[str], Location]
"""A row of a table as the actuals reader needs it: its texts and its place."""


def _lines(table: SourceTable) -> Iterator[Line]:
    return ((row.texts, row.location) for row in table.rows)


def _read_table(table: SourceTable) -> list[Actual] | None:
    """The actuals of *table*, or None when it has no actuals header."""
    found = _table_actuals(_lines(table))
    return None if found is None else list(found)


def _table_actuals(lines: Iterator[Line]) -> Iterator[Actual] | None:
    """The actuals of the table whose rows *lines* gives, read as they are
    asked for; None when none of its first ``MAX_HEADER_ROWS + 1`` rows is
    an actuals header. Only those first rows are read before the answer."""
    for texts, _ in itertools.islice(lines, MAX_HEADER_ROWS + 1):
        columns: dict[str, int] = {}
        for column, text in enumerate(texts):
            role = _WORDS.role(text)
            if role is not None:
                columns.setdefault(role, column)
        if "name" in columns and "value" in columns:
            return _table_rows(lines, columns)
    return None


def _table_rows(below: Iterator[Line], columns: Mapping[str, int]) -> Iterator[Actual]:
    for texts, location in below:
        actual = _read_row(texts, location, columns)
        if actual is not None:
            yield actual


def _read_row(
    texts: Sequence[str], location: Location, columns: Mapping[str, int]
) -> Actual | None:
    if all(not t.strip() for t in texts):
        return None
    width = len(texts)

    def text(role: str) -> str:
        column = columns.get(role)
        return texts[column] if column is not None and column < width else ""

    name, value = text("name"), text("value")
    if _role(name) == "name" and _role(value) == "value":
        return None  # the header repeated (tables pasted one below the other)
    return Actual(
        name=name,
        value=value,
        department=text("department").strip(),
        note=text("note").strip(),
        location=location,
    )


# --------------------------------------------------------------- streaming


@attrs.frozen
class ActualsStream:
    """Actual values read one at a time as they are iterated, for files too
    large to hold (:func:`iter_actuals`). Each iteration reads the source
    again from its start. ``source``, ``encoding`` and ``skipped`` are as
    in :class:`Actuals`."""

    source: str
    encoding: str
    skipped: tuple[Location, ...]
    read: Callable[[], Iterator[Actual]] = attrs.field(repr=False)
    """Gives the actuals from the start."""

    def __iter__(self) -> Iterator[Actual]:
        try:
            yield from self.read()
        except SourceReadError as exc:
            raise ActualsReadError(exc.about("actuals")) from None


def iter_actuals(
    source: str | os.PathLike[str] | BinaryIO | Mapping[str, object] | Actuals,
    *,
    format: str | None = None,
    sheet: str | None = None,
) -> ActualsStream:
    """The actuals of *source*, read as they are iterated: what
    :func:`read_actuals` reads, in the same order, with the same header
    rules and encodings, but a CSV/TSV file (named by a path) is never held
    in memory, neither its bytes nor its text nor its rows. The encoding is
    checked and the header found when the stream is made, so that a file
    that cannot be read at all raises :class:`~kpi.ActualsReadError` here;
    quoting broken further down raises it while iterating. A workbook, a
    file object, a mapping or an :class:`Actuals` is read whole, as by
    :func:`read_actuals`.

    >>> from kpi.demo import actuals_path
    >>> stream = iter_actuals(actuals_path())
    >>> stream.encoding, next(iter(stream)).name
    ('utf-8', '事项督查反馈率')
    """
    if isinstance(source, str | os.PathLike):
        try:
            fmt = format_of(
                os.path.basename(source),
                format,
                formats=_FORMATS,
                what="actuals",
                error=ActualsReadError,
            )
            if fmt != "xlsx":
                return _stream_delimited(Path(source), fmt, sheet)
        except SourceReadError as exc:
            raise ActualsReadError(exc.about("actuals")) from None
    found = (
        source if isinstance(source, Actuals) else read_actuals(source, format=format, sheet=sheet)
    )
    return ActualsStream(found.source, found.encoding, found.skipped, lambda: iter(found.items))


def _stream_delimited(path: Path, fmt: str, sheet: str | None) -> ActualsStream:
    name = path.name
    if sheet is not None:
        raise SourceReadError(
            name, f"sheet={sheet!r} is for .xlsx files, and this is {fmt.upper()}"
        )

    def chunks() -> Iterator[bytes]:
        try:
            with path.open("rb") as file:
                while chunk := file.read(CHUNK):
                    yield chunk
        except OSError as exc:
            raise SourceReadError(str(path), str(exc.strerror)) from None

    encoding = detect(chunks, file=name)

    def lines() -> Iterator[Line]:
        with path.open(encoding=encoding, newline="") as text:
            records = iter_records(text, file=name, delimiter="," if fmt == "csv" else "\t")
            for number, record in enumerate(records, start=1):
                yield record, Location(name, row=number)

    def read() -> Iterator[Actual]:
        found = _table_actuals(lines())
        if found is None:
            first = next(lines(), None)
            seen = "it is empty" if first is None else f"its first row is {_row_text(first[0])!r}"
            raise SourceReadError(name, _no_header(seen))
        return found

    read()  # the header is looked for now, the rows when they are asked for
    return ActualsStream(name, encoding, (), read)


def _no_header(seen: str) -> str:
    return (
        f"no table in it has a header that names an indicator column "
        f"({', '.join(_WORDS.words['name'])}) and a value column "
        f"({', '.join(_WORDS.words['value'])}); {seen}"
    )


def _from_mapping(mapping: Mapping[str, object], department: str = "") -> Iterator[Actual]:
    for name, value in mapping.items():
        if not isinstance(name, str):
            raise ArgumentTypeError(
                f"an actuals mapping has names (str) as keys, not {type(name).__name__}: {name!r}"
            )
        if isinstance(value, Mapping) and not department:
            yield from _from_mapping(value, department=name.strip())
        else:
            yield Actual(name, _value_text(name, value), department=department)


def _value_text(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float | Decimal) and not isinstance(value, bool):
        return repr(value) if isinstance(value, float) else str(value)
    raise ArgumentTypeError(
        f"the actual of {name!r} is a {type(value).__name__} ({value!r}); "
        "give a str, int, float, Decimal, or None for no value"
    )


# ----------------------------------------------------------------- pairing


@attrs.frozen
class DepartmentPairing:
    """The indicators of a rubric and the actuals of one department.

    ``matched``: indicator name -> its actual (the first, when there are
    several); ``duplicates``: indicator name -> every actual given for it,
    when there is more than one; ``missing``: indicators with no actual;
    ``unmatched``: actuals that name no indicator; ``empty``: indicators
    whose (first) actual has no value.
    """

    department: str
    matched: Mapping[str, Actual]
    missing: tuple[str, ...]
    unmatched: tuple[Actual, ...]
    duplicates: Mapping[str, tuple[Actual, ...]]
    empty: tuple[str, ...]


@attrs.frozen
class Pairing:
    """A :class:`DepartmentPairing` per department of the actuals, in order."""

    departments: tuple[DepartmentPairing, ...]

    def __getitem__(self, department: str) -> DepartmentPairing:
        for found in self.departments:
            if found.department == department:
                return found
        raise KeyError(department)


def pair(rubric_names: Sequence[str], actuals: Actuals) -> Pairing:
    """Pair each indicator named in *rubric_names* with its actual in each
    department of *actuals*, by :func:`match_name`. Nothing is dropped:
    every actual is matched, a duplicate or unmatched, and every indicator
    is matched or missing. Actuals with no department at all give one
    pairing for the department ``""``; so do no actuals. The actuals are
    read once, whatever the number of departments."""
    keys = {n: match_name(n) for n in rubric_names}
    known = set(keys.values())
    found: dict[str, tuple[dict[str, list[Actual]], list[Actual]]] = {}
    for actual in actuals:
        by_key, unmatched = found.setdefault(actual.department, ({}, []))
        key = actual.key
        if key in known:
            by_key.setdefault(key, []).append(actual)
        else:
            unmatched.append(actual)
    result = []
    for department, (by_key, unmatched) in (found or {"": ({}, [])}).items():
        matched = {n: by_key[k][0] for n, k in keys.items() if k in by_key}
        result.append(
            DepartmentPairing(
                department=department,
                matched=matched,
                missing=tuple(n for n in keys if n not in matched),
                unmatched=tuple(unmatched),
                duplicates={
                    n: tuple(by_key[k]) for n, k in keys.items() if len(by_key.get(k, ())) > 1
                },
                empty=tuple(n for n, a in matched.items() if a.is_empty),
            )
        )
    return Pairing(tuple(result))
