"""What the Office readers share: opening the zip archive of a .docx or
.xlsx file, and saying clearly why one cannot be read.

A damaged or foreign file must give a :class:`~kpi.errors.SourceReadError` that
names the file and the reason, never a traceback from zipfile, the XML
parsers, python-docx or openpyxl.
"""

from __future__ import annotations

import io
import zipfile
import zlib

from kpi.errors import SourceReadError

__all__ = ["ARCHIVE_ERRORS", "LOAD_ERRORS", "damaged", "open_package", "refusal"]

_CFB_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # an OLE file: encrypted OOXML or .doc/.xls
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")

# What an Office file is, for the messages: kind -> (name, main part, old format).
_KINDS = {
    "docx": ("a Word document", "word/document.xml", ".doc"),
    "xlsx": ("an Excel workbook", "xl/workbook.xml", ".xls"),
}

# What a damaged archive makes zipfile and the XML parsers raise while parts
# are read (XML syntax errors of lxml and ElementTree derive from SyntaxError).
ARCHIVE_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    zlib.error,
    EOFError,
    NotImplementedError,  # a compression method or zip version zipfile does not know
    RuntimeError,  # an encrypted zip member
    ValueError,  # a damaged zip directory: "negative seek value"
    SyntaxError,
)
# ... and what python-docx and openpyxl raise for a part that is missing
LOAD_ERRORS: tuple[type[Exception], ...] = (*ARCHIVE_ERRORS, KeyError)


def refusal(file: str, kind: str, reason: str) -> SourceReadError:
    """The error for a file that is not a readable Office file of *kind*."""
    return SourceReadError(file, f"not {_KINDS[kind][0]} ({reason})")


def open_package(data: bytes, *, file: str, kind: str) -> zipfile.ZipFile:
    """The zip archive of an Office file of *kind* (``docx`` or ``xlsx``),
    checked to hold its main part; :class:`~kpi.errors.SourceReadError` says why
    when it is not one."""
    _, main, old = _KINDS[kind]
    if not data:
        raise refusal(file, kind, "the file is empty")
    if data.startswith(_CFB_MAGIC):
        if _ENCRYPTED in data:
            raise SourceReadError(
                file, "the file is password-protected; save a copy without a password and read that"
            )
        raise refusal(
            file, kind, f"it is an old binary {old} file or another OLE file; save it as .{kind}"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        reason = (
            "the zip archive is truncated"
            if data.startswith(b"PK\x03\x04")
            else "it is not a zip archive"
        )
        raise refusal(file, kind, reason) from None
    except ARCHIVE_ERRORS as exc:
        raise damaged(file, kind, exc) from None
    names = set(archive.namelist())
    if main not in names:
        archive.close()
        for other, (other_name, other_main, _) in _KINDS.items():
            if other != kind and other_main in names:
                raise refusal(
                    file,
                    kind,
                    f"the zip archive holds {other_name}; "
                    f"name it .{other} or pass format={other!r}",
                )
        raise refusal(file, kind, f"the zip archive has no {main}")
    return archive


def damaged(file: str, kind: str, exc: Exception) -> SourceReadError:
    """The error for an Office file whose archive or XML cannot be read."""
    if isinstance(exc, SyntaxError) and "XML_PARSE_HUGE" in str(exc.msg):
        return SourceReadError(
            file,
            "a text in it is longer than the XML parser of "
            "python-docx reads in one piece (10,000,000 bytes); shorten it",
        )
    if isinstance(exc, SyntaxError):
        detail = f"a part of it is not well-formed XML: {exc.msg}"
    elif isinstance(exc, KeyError) and exc.args:
        detail = f"a part of it is missing: {exc.args[0]}"
    elif isinstance(exc, zipfile.BadZipFile | zlib.error | EOFError | NotImplementedError):
        detail = f"the zip archive is damaged: {exc}"
    else:
        detail = f"it is damaged: {exc}"
    return refusal(file, kind, detail)
