"""``kpi grade`` on a generated actuals CSV against a pandas pipeline.

The size is ``KPI_BENCH_E2E`` (``INDICATORSxDEPARTMENTS``, default
``1000x1000``: a million rows). Each side runs once, in a subprocess.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

pytest.importorskip("pandas")

INDICATORS, DEPARTMENTS = map(int, os.environ.get("KPI_BENCH_E2E", "1000x1000").split("x"))


@pytest.fixture(scope="module")
def files(run: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ...]:
    """The rubric, the peer's breakpoints and the actuals."""
    folder = tmp_path_factory.mktemp("e2e")
    written: tuple[Path, ...] = run.write_e2e_files(folder, INDICATORS, DEPARTMENTS)
    return written


@pytest.mark.benchmark(group="kpi grade end to end")
def test_kpi_grade_command(benchmark: Any, run: ModuleType, files: tuple[Path, ...]) -> None:
    """python -m kpi grade RUBRIC ACTUALS -o out.csv --summary-only --no-progress."""
    rubric, _, actuals = files
    folder = rubric.parent
    command = [sys.executable, "-m", "kpi", "grade", str(rubric), str(actuals)]
    command += ["-o", str(folder / "out.csv"), "--summary-only", "--no-progress"]
    _, rss, status = benchmark.pedantic(run.run_measured, (command, folder), rounds=1)
    benchmark.extra_info["peak_rss_mb"] = rss
    assert status in (0, 1)


@pytest.mark.benchmark(group="kpi grade end to end")
def test_pandas_pipeline(benchmark: Any, run: ModuleType, files: tuple[Path, ...]) -> None:
    """The peer: read_csv, strip %, merge with the breakpoints, grade, write."""
    _, breakpoints, actuals = files
    folder = breakpoints.parent
    script = folder / "pandas_peer.py"
    script.write_text(run.PANDAS_PIPELINE, encoding="utf-8")
    command = [sys.executable, str(script), str(breakpoints), str(actuals), str(folder / "p.csv")]
    _, rss, status = benchmark.pedantic(run.run_measured, (command, folder), rounds=1)
    benchmark.extra_info["peak_rss_mb"] = rss
    assert status == 0
