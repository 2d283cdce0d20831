"""The text encoding of a rubric file: UTF-8 (with or without BOM) or GB18030.

UTF-8 is tried first because it validates itself: a GB18030 file with any
Chinese text is almost never valid UTF-8. GB18030, a superset of GBK and
GB2312 that finance systems export, is tried next. A file that is neither is
refused with the byte that failed, never decoded with replacement characters.
"""

from __future__ import annotations

import codecs

from kpi.errors import RubricReadError

__all__ = ["decode"]

ENCODINGS = ("utf-8", "gb18030")


def decode(data: bytes, *, file: str = "") -> tuple[str, str]:
    """The text of *data* and the name of its encoding (``utf-8-sig`` when it
    starts with a byte order mark)."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _refuse(file, exc, "utf-8-sig") from None
    failures: list[UnicodeDecodeError] = []
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            failures.append(exc)
    raise _refuse(file, failures[-1], " or ".join(ENCODINGS))


def _refuse(file: str, exc: UnicodeDecodeError, tried: str) -> RubricReadError:
    name = f" {file!r}" if file else ""
    return RubricReadError(
        f"cannot read rubric{name}: expected text in {tried}, "
        f"found the byte {exc.object[exc.start : exc.start + 1]!r} at offset {exc.start} "
        "that none of them allows; save the file as UTF-8"
    )
