"""The benchmark script runs: ``benchmarks/run.py --quick`` prints a ratio
for every case of issue 5 (docs/performance.md).

The sizes are tiny, so the numbers say nothing; the full run is
``python benchmarks/run.py``. The cases that need numpy, pandas or portion
(the ``bench`` extra; numpy, pandas and portion are in the ``test`` extra too)
are skipped here only when those packages are missing.
"""

from __future__ import annotations

import importlib.util
import io
import json
from types import ModuleType

import pytest
from rich.console import Console

pytestmark = pytest.mark.slow  # the end to end case runs subprocesses


CASES = {
    "grade float": (),
    "grade string": (),
    "grade_many numpy": ("numpy", "pandas"),
    "grade_many pandas": ("numpy", "pandas"),
    "parse cold": ("portion",),
    "parse cold brackets": ("portion",),
    "kpi grade end to end": ("numpy", "pandas"),
    "kpi grade vs csv floor": (),
}


@pytest.fixture(scope="module")
def quick_run(
    bench_script: ModuleType, tmp_path_factory: pytest.TempPathFactory
) -> tuple[str, dict[str, object]]:
    """What ``benchmarks/run.py --quick --json PATH`` prints, and the JSON."""
    out = io.StringIO()
    path = tmp_path_factory.mktemp("bench") / "results.json"
    status = bench_script.main(["--quick", "--json", str(path)], Console(file=out, width=200))
    assert status == 0
    return out.getvalue(), json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", sorted(CASES))
def test_quick_run_prints_a_ratio(case: str, quick_run: tuple[str, dict[str, object]]) -> None:
    missing = [m for m in CASES[case] if importlib.util.find_spec(m) is None]
    if missing:
        pytest.skip(f"{', '.join(missing)} not installed (pip install -e '.[bench]')")
    printed, _ = quick_run
    line = next((x for x in printed.splitlines() if x.startswith(f"ratio {case}:")), None)
    assert line is not None, printed
    ratio = line.split(":", 1)[1].split()[0]
    assert ratio.endswith("x"), line
    assert float(ratio[:-1]) > 0, line


def test_quick_run_times_warm_parse(quick_run: tuple[str, dict[str, object]]) -> None:
    """The cached parse has no peer: an absolute target, and a time."""
    printed, data = quick_run
    assert any(x.startswith("ratio parse warm: n/a target < 1 µs") for x in printed.splitlines())
    results = data["results"]
    assert isinstance(results, list)
    [warm] = [r for r in results if r["case"] == "parse warm"]
    assert warm["kpi_seconds"] > 0


def test_quick_run_describes_the_machine(quick_run: tuple[str, dict[str, object]]) -> None:
    _, data = quick_run
    machine = data["machine"]
    assert isinstance(machine, dict)
    assert {"cpu", "cores", "python", "numpy", "pandas"} <= set(machine)
