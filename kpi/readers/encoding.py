"""The text encoding of a rubric file: UTF-8 (with or without BOM) or GB18030.

UTF-8 is tried first because it validates itself: a GB18030 file with any
Chinese text is almost never valid UTF-8. GB18030, a superset of GBK and
GB2312 that finance systems export, is tried next, unless the bytes are
mostly valid UTF-8 (a UTF-8 file with a damaged byte, which GB18030 would
"decode" into the wrong characters). A file that is neither is refused with
the byte that failed and its offset, never decoded with replacement
characters.
"""

from __future__ import annotations

import codecs
import re

from kpi.errors import SourceReadError

__all__ = ["decode"]

ENCODINGS = ("utf-8", "gb18030")


def decode(data: bytes, *, file: str = "") -> tuple[str, str]:
    """The text of *data* and the name of its encoding (``utf-8-sig`` when it
    starts with a byte order mark)."""
    if data.startswith(codecs.BOM_UTF8):
        bom = len(codecs.BOM_UTF8)
        try:
            return data[bom:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _refuse(file, data, bom + exc.start, "utf-8-sig") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        utf8_error = exc.start
    if _mostly_utf8(data):
        # Valid UTF-8 around a bad byte is a damaged UTF-8 file, not GB18030:
        # decoding it as GB18030 would turn its Chinese into other characters.
        raise _refuse(file, data, utf8_error, "utf-8")
    try:
        return data.decode("gb18030"), "gb18030"
    except UnicodeDecodeError as exc:
        raise _refuse(file, data, exc.start, " or ".join(ENCODINGS)) from None


# A multi-byte UTF-8 sequence: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)


def _mostly_utf8(data: bytes) -> bool:
    """Whether most bytes above 0x7f belong to valid UTF-8 sequences."""
    high = sum(1 for b in data if b > 0x7F)
    if not high:
        return False
    covered = sum(len(m) for m in _UTF8_SEQUENCE.findall(data))
    return covered * 10 >= high * 9


def _refuse(file: str, data: bytes, offset: int, tried: str) -> SourceReadError:
    return SourceReadError(
        file,
        f"expected text in {tried}, "
        f"found the byte {data[offset : offset + 1]!r} at offset {offset} "
        f"that {'none of them allows' if ' or ' in tried else 'it does not allow'}; "
        "save the file as UTF-8",
    )
