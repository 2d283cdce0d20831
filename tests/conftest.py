"""Fixtures shared by the test modules."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import IO

import pytest

import kpi.parser
from kpi.units import conversion_factor

ROOT = Path(__file__).resolve().parent.parent


def _load_script(path: Path, name: str) -> ModuleType:
    """The script at *path* loaded as the module *name* (registered in
    sys.modules, where dataclasses look their module up)."""
    if not path.exists():
        pytest.skip(f"{path.relative_to(ROOT)} is not in this tree (it is not in the sdist)")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench_script() -> ModuleType:
    """``benchmarks/run.py``, the benchmark script: its data, peers and cases."""
    return _load_script(ROOT / "benchmarks" / "run.py", "kpi_benchmarks_run")


@pytest.fixture(scope="session")
def docs_generator() -> ModuleType:
    """``docs/generate.py``, which writes the generated blocks of the docs."""
    return _load_script(ROOT / "docs" / "generate.py", "kpi_docs_generate")


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
