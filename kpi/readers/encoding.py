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
import itertools
import re
from collections.abc import Callable, Iterable, Iterator

from kpi.errors import SourceReadError

__all__ = ["CHUNK", "decode", "detect"]

ENCODINGS = ("utf-8", "gb18030")

CHUNK = 1 << 20
"""How many bytes are looked at, or read, at a time."""

Chunks = Callable[[], Iterable[bytes]]
"""Gives the bytes of a file, in chunks, from the start, each time it is called."""


def decode(data: bytes, *, file: str = "") -> tuple[str, str]:
    """The text of *data* and the name of its encoding (``utf-8-sig`` when it
    starts with a byte order mark)."""
    encoding = detect(lambda: (data[i : i + CHUNK] for i in range(0, len(data), CHUNK)), file=file)
    return data.decode(encoding), encoding


def detect(chunks: Chunks, *, file: str = "") -> str:
    """The encoding of the bytes *chunks* gives (``utf-8``, ``utf-8-sig``
    or ``gb18030``), checked to the last byte without holding the text or
    more than a chunk of the bytes; a file that is none of them is refused
    with the byte that failed and its offset (:class:`~kpi.errors.SourceReadError`).

    >>> detect(lambda: [b"\\xef\\xbb", b"\\xbf", "指标".encode()])
    'utf-8-sig'
    >>> detect(lambda: ["指标".encode("gb18030")])
    'gb18030'
    """
    head = b"".join(itertools.islice(_at_least(chunks(), len(codecs.BOM_UTF8)), 1))
    if head.startswith(codecs.BOM_UTF8):
        error = _first_error(chunks(), "utf-8", skip=len(codecs.BOM_UTF8))
        if error is not None:
            raise _refuse(file, error, "utf-8-sig")
        return "utf-8-sig"
    utf8_error = _first_error(chunks(), "utf-8")
    if utf8_error is None:
        return "utf-8"
    if _mostly_utf8(chunks()):
        # Valid UTF-8 around a bad byte is a damaged UTF-8 file, not GB18030:
        # decoding it as GB18030 would turn its Chinese into other characters.
        raise _refuse(file, utf8_error, "utf-8")
    error = _first_error(chunks(), "gb18030")
    if error is not None:
        raise _refuse(file, error, " or ".join(ENCODINGS))
    return "gb18030"


def _at_least(chunks: Iterable[bytes], size: int) -> Iterator[bytes]:
    """The chunks joined so that the first has at least *size* bytes (when there are that many)."""
    pending = b""
    for chunk in chunks:
        pending += chunk
        if len(pending) >= size:
            yield pending
            pending = b""
    if pending:
        yield pending


def _first_error(chunks: Iterable[bytes], encoding: str, *, skip: int = 0) -> Error | None:
    """The offset and the byte of the first error decoding *chunks* as
    *encoding*, after the first *skip* bytes; None when there is none."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0  # of the start of the chunk being decoded
    for chunk in itertools.chain(_at_least(chunks, skip), [b""]):
        final = not chunk
        part = chunk[skip:] if skip and offset == 0 else chunk
        start = offset + len(chunk) - len(part) - len(decoder.getstate()[0])
        try:
            decoder.decode(part, final=final)
        except UnicodeDecodeError as exc:
            return start + exc.start, exc.object[exc.start : exc.start + 1]
        offset += len(chunk)
    return None


Error = tuple[int, bytes]
"""Where decoding failed: the offset and the byte there."""

# A multi-byte UTF-8 sequence: a lead byte and its continuation bytes.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_ASCII = bytes(range(0x80))


def _mostly_utf8(chunks: Iterable[bytes]) -> bool:
    """Whether most bytes above 0x7f belong to valid UTF-8 sequences.

    Each chunk is cut after its last ASCII byte, where no sequence can go
    on, and the rest is carried into the next chunk."""
    high = covered = 0
    carried = b""
    for chunk in itertools.chain(chunks, [b""]):
        data = carried + chunk
        cut = len(data)
        while chunk and cut and data[cut - 1] > 0x7F:
            cut -= 1
        body, carried = data[:cut], data[cut:]
        high += len(body.translate(None, _ASCII))
        covered += sum(len(m) for m in _UTF8_SEQUENCE.findall(body))
    if not high:
        return False
    return covered * 10 >= high * 9


def _refuse(file: str, error: Error, tried: str) -> SourceReadError:
    offset, byte = error
    return SourceReadError(
        file,
        f"expected text in {tried}, "
        f"found the byte {byte!r} at offset {offset} "
        f"that {'none of them allows' if ' or ' in tried else 'it does not allow'}; "
        "save the file as UTF-8",
    )
