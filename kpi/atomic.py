"""Writing a file atomically: readers see the old file or the new one, never
a half-written one.

:func:`write_atomically` writes to a temporary file in the target's folder
(so that the final rename stays on one file system), flushes and syncs it to
disk, gives it the mode of the file it replaces, and then replaces the
target in one step with :func:`os.replace`; the folder is synced too, so that
the replacement itself survives a crash. On any failure, an interrupt
included, the temporary file is removed and the target is left as it was.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

__all__ = ["write_atomically"]


def write_atomically(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Replace the file at *path* with what *write* writes to the binary
    file it is given, atomically.

    Raises the :class:`OSError` of a file that cannot be written (a missing
    folder, a full disk) and whatever *write* raises; the file at *path* is
    then unchanged and no temporary file is left behind.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     target = Path(folder) / "a.txt"
    ...     write_atomically(target, lambda out: out.write(b"new"))
    ...     print(target.read_bytes(), os.listdir(folder))
    b'new' ['a.txt']
    """
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(8)}.tmp")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    descriptor = os.open(temporary, flags, 0o666)  # the umask applies, as for open()
    try:
        try:
            out = os.fdopen(descriptor, "wb")
        except BaseException:
            os.close(descriptor)
            raise
        with out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, stat.S_IMODE(os.stat(path).st_mode))
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_folder(path.parent)


def _sync_folder(folder: Path) -> None:
    """Make the replacement itself durable where the system allows it."""
    if os.name != "posix":  # pragma: no cover - Windows cannot open a folder
        return
    with contextlib.suppress(OSError):
        descriptor = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
