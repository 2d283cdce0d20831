"""Fixtures shared by the test modules."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import IO

import pytest

import kpi.parser
from kpi.units import conversion_factor


@pytest.fixture
def restore_vocabulary(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Put kpi's current reader (its vocabulary) back when the test ends, so
    that kpi.add_unit() and kpi.add_count_word() in one test leave no trace."""
    monkeypatch.setattr(kpi.parser, "_reader", kpi.parser.current_reader())
    yield
    conversion_factor.cache_clear()


class HalfWriter:
    """A file that writes the first bytes it is given, then fails with
    *error* (a full disk, a failing device)."""

    def __init__(self, out: IO[bytes], error: OSError) -> None:
        self.out = out
        self.error = error

    def __enter__(self) -> HalfWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.out.close()

    def write(self, data: bytes) -> int:
        self.out.write(data[:10])
        self.out.flush()
        raise self.error


BreakDisk = Callable[[str, OSError], None]


@pytest.fixture
def break_disk(monkeypatch: pytest.MonkeyPatch) -> BreakDisk:
    """``break_disk(where, error)`` makes the next atomic write fail with
    *error*: half-way through writing (``"write"``), or at ``os.fsync`` or
    ``os.replace``."""

    def breaking(where: str, error: OSError) -> None:
        if where == "write":
            real = os.fdopen
            monkeypatch.setattr(os, "fdopen", lambda fd, mode: HalfWriter(real(fd, mode), error))
            return

        def fail(*args: object) -> None:
            raise error

        monkeypatch.setattr(os, where, fail)

    return breaking
