"""kpi's performance against the plain code a user would write instead.

Run from a clone, after ``pip install -e '.[bench]'``::

    python benchmarks/run.py            # the full sizes (a few minutes)
    python benchmarks/run.py --quick    # tiny sizes, a few seconds
    python benchmarks/run.py --json results.json

Every case times kpi and a *peer*, the fastest plain code that does the same
job, in the same run on the same data, and prints the ratio kpi/peer against
the target of issue 5 (docs/performance.md says why each peer is the fair
one). Times are the minimum of several repeats, as ``timeit`` advises: the
minimum is the run least disturbed by the rest of the machine. The end to end
case runs ``python -m kpi grade`` and a pandas pipeline in subprocesses on a
generated actuals CSV and measures wall time and peak RSS of each.

Cases whose packages are missing (numpy, pandas, portion: the ``bench``
extra) or whose kpi function does not exist yet are printed as not available,
with the reason, instead of failing.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import importlib
import importlib.metadata
import json
import os
import platform
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

import kpi
import kpi.parser
from kpi.demo import load_example
from kpi.units import conversion_factor

__all__ = ["Result", "Sizes", "machine", "main", "run_all"]

# The seed's 事项督查反馈率: cumulative one-sided tiers, the commonest style.
RUBRIC_NAME = "事项督查反馈率"
RUBRIC_TIERS = ("≥90%", "≥80%", "≥60%", "＜60%")
BREAKPOINTS = (60.0, 80.0, 90.0)  # the peer's reading of the tiers
LABELS = ("差", "中", "良", "优")  # labels[bisect_right(BREAKPOINTS, v)]

# Three tier styles of the seed, for the generated rubric of the end to end case.
E2E_STYLES = (
    ("≥90%", "≥80%", "≥60%", "＜60%"),
    ("90%以上", "80-89%", "60-79%", "60%以下"),
    ("100%", "≥95%", "≥90%", "＜90%"),
)


@dataclass(frozen=True)
class Sizes:
    """How much work each case does."""

    scalar: int  # values per round of kpi.grade
    many: int  # length of the array given to kpi.grade_many
    repeat: int  # rounds of each timing; the minimum is kept
    e2e_indicators: int
    e2e_departments: int
    e2e_repeat: int

    @classmethod
    def full(cls) -> Sizes:
        """The sizes of issue 5."""
        return cls(100_000, 1_000_000, 7, 1_000, 1_000, 1)

    @classmethod
    def quick(cls) -> Sizes:
        """Tiny sizes: every case runs, in a few seconds."""
        return cls(2_000, 20_000, 3, 10, 20, 1)


@dataclass
class Result:
    """One case: kpi's time, the peer's, and the target."""

    case: str
    kpi: str
    peer: str
    unit: str  # what one time measures: "per value", "per cell", "run"
    kpi_seconds: float | None = None
    peer_seconds: float | None = None
    target: str = ""
    max_ratio: float | None = None  # the target as a ratio kpi/peer
    max_seconds: float | None = None  # the target as an absolute time
    extra: dict[str, Any] = field(default_factory=dict)
    skipped: str | None = None  # why the case did not run

    @property
    def ratio(self) -> float | None:
        """kpi's time over the peer's."""
        if self.kpi_seconds is None or not self.peer_seconds:
            return None
        return self.kpi_seconds / self.peer_seconds

    def checks(self) -> dict[str, bool] | None:
        """Each part of the target and whether it is met; None when the
        case has no target or was not measured."""
        if self.skipped is not None or self.kpi_seconds is None:
            return None
        checks: dict[str, bool] = {}
        if self.max_ratio is not None:
            ratio = self.ratio
            if ratio is None:
                return None
            checks["time"] = ratio <= self.max_ratio
        if self.max_seconds is not None:
            checks["time"] = self.kpi_seconds < self.max_seconds
        limit = self.extra.get("max_rss_mb")
        if limit is not None:
            checks["RSS"] = float(self.extra.get("kpi_rss_mb", float("inf"))) < float(limit)
        return checks or None

    @property
    def met(self) -> bool | None:
        """Whether the target is met; None without a target or a measurement."""
        checks = self.checks()
        return None if checks is None else all(checks.values())

    def verdict(self) -> str:
        """``met``, ``NOT MET`` (naming the parts when the target has
        several), or ``n/a``."""
        checks = self.checks()
        if checks is None:
            return "n/a"
        if all(checks.values()):
            return "met"
        if len(checks) == 1:
            return "NOT MET"
        return "NOT MET: " + ", ".join(
            f"{name} {'met' if ok else 'not met'}" for name, ok in checks.items()
        )

    def as_dict(self) -> dict[str, Any]:
        """The result as JSON data, with the ratio and the verdict."""
        data = asdict(self)
        data["ratio"] = self.ratio
        data["met"] = self.met
        data["verdict"] = self.verdict()
        return data


# ------------------------------------------------------------------ timing


def best_of(run: Callable[[], object], repeat: int) -> float:
    """The least time of *repeat* calls of *run*, in seconds (after one
    warm-up call), with the garbage collector off as ``timeit`` does."""
    run()
    times: list[float] = []
    enabled = gc.isenabled()
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    finally:
        if enabled:
            gc.enable()
    return min(times)


def _missing(*modules: str) -> str | None:
    """Why the case cannot run: the first of *modules* that is not installed."""
    for name in modules:
        try:
            importlib.import_module(name)
        except ImportError:
            return f"{name} is not installed (pip install -e '.[bench]')"
    return None


def _values(n: int, seed: int = 5) -> list[float]:
    """*n* rates between 50% and 100%, written with one decimal as actual
    values are, so that the edges 60, 80 and 90 occur (about 1 in 170)."""
    rng = random.Random(seed)
    return [round(rng.uniform(50.0, 100.0), 1) for _ in range(n)]


# ------------------------------------------------------------------- cases


def bench_grade_float(sizes: Sizes) -> Result:
    """kpi.grade on floats vs ``labels[bisect_right(breakpoints, v)]``."""
    ind = kpi.Indicator(RUBRIC_NAME, list(RUBRIC_TIERS))
    values = _values(sizes.scalar)
    grade = kpi.grade

    def with_kpi() -> None:
        for v in values:
            grade(ind, v)

    def with_bisect() -> None:
        for v in values:
            LABELS[bisect.bisect_right(BREAKPOINTS, v)]

    labels = ("grade float", "kpi.grade(ind, 96.5)", "labels[bisect_right(bps, v)]")
    return _per_value(labels, with_kpi, with_bisect, len(values), sizes)


def bench_grade_string(sizes: Sizes) -> Result:
    """kpi.grade on "96.5%" vs ``float(s.rstrip("%"))`` and bisect."""
    ind = kpi.Indicator(RUBRIC_NAME, list(RUBRIC_TIERS))
    texts = [f"{v}%" for v in _values(sizes.scalar)]
    grade = kpi.grade

    def with_kpi() -> None:
        for s in texts:
            grade(ind, s)

    def with_bisect() -> None:
        for s in texts:
            LABELS[bisect.bisect_right(BREAKPOINTS, float(s.rstrip("%")))]

    labels = ("grade string", 'kpi.grade(ind, "96.5%")', 'float(s.rstrip("%")) + bisect')
    return _per_value(labels, with_kpi, with_bisect, len(texts), sizes)


def _per_value(
    labels: tuple[str, str, str],
    with_kpi: Callable[[], None],
    with_peer: Callable[[], None],
    n: int,
    sizes: Sizes,
) -> Result:
    """The result of a scalar case: the case, kpi and peer named by *labels*,
    each side's best time over *n* values, and the target of at most 5×."""
    case, kpi_label, peer_label = labels
    return Result(
        case,
        kpi_label,
        peer_label,
        "per value",
        best_of(with_kpi, sizes.repeat) / n,
        best_of(with_peer, sizes.repeat) / n,
        "≤ 5×",
        max_ratio=5.0,
        extra={"values": n},
    )


def bench_grade_many(sizes: Sizes) -> list[Result]:
    """kpi.grade_many on an array vs numpy.searchsorted + take, and on a
    Series vs pandas.cut."""
    searchsorted = Result(
        "grade_many numpy",
        "kpi.grade_many(ind, array)",
        "labels[np.searchsorted(bps, a)]",
        "per value",
        target="≤ 2×",
        max_ratio=2.0,
    )
    cut = Result(
        "grade_many pandas",
        "kpi.grade_many(ind, series)",
        "pd.cut(series, bins, right=False)",
        "per value",
        target="none (for reference)",
    )
    why = _missing("numpy", "pandas")
    if why is None and not hasattr(kpi, "grade_many"):
        why = "kpi.grade_many does not exist in this checkout"
    if why is not None:
        searchsorted.skipped = cut.skipped = why
        return [searchsorted, cut]

    import numpy as np
    import pandas as pd  # type: ignore[import-untyped,unused-ignore]

    grade_many: Callable[..., Any] = kpi.grade_many  # type: ignore[attr-defined,unused-ignore]
    ind = kpi.Indicator(RUBRIC_NAME, list(RUBRIC_TIERS))
    n = sizes.many
    array = np.round(np.random.default_rng(5).uniform(50.0, 100.0, n), 1)
    series = pd.Series(array)
    grades = [kpi.Grade[label] for label in LABELS]
    labels = np.empty(len(grades), dtype=object)
    labels[:] = grades
    bps = np.array(BREAKPOINTS)
    bins = [-np.inf, *BREAKPOINTS, np.inf]

    def with_searchsorted() -> object:
        return labels.take(np.searchsorted(bps, array, side="right"))

    def with_cut() -> object:
        return pd.cut(series, bins, right=False, labels=list(LABELS), ordered=True)

    # Same answers first: a benchmark of wrong results proves nothing.
    ours = grade_many(ind, array)
    if not (np.asarray(ours, dtype=object) == with_searchsorted()).all():
        raise AssertionError("kpi.grade_many and numpy.searchsorted disagree")
    repeat = max(3, sizes.repeat // 2)
    searchsorted.kpi_seconds = best_of(lambda: grade_many(ind, array), repeat) / n
    searchsorted.peer_seconds = best_of(with_searchsorted, repeat) / n
    cut.kpi_seconds = best_of(lambda: grade_many(ind, series), repeat) / n
    cut.peer_seconds = best_of(with_cut, repeat) / n
    searchsorted.extra = cut.extra = {"values": n}
    return [searchsorted, cut]


def seed_cells() -> list[str]:
    """Every distinct non-empty tier cell of the seed table."""
    cells = {
        text
        for indicator in load_example()["indicator"]
        for text in indicator["tiers"].values()
        if text.strip()
    }
    return sorted(cells)


def bracket_form(cell: str) -> str | None:
    """The interval of a numeric *cell* as portion writes it, without unit:
    ``≥90%`` is ``[90, +inf)``; None for labels and unions."""
    threshold = kpi.parse(cell)
    text = str(threshold)
    if not threshold.is_numeric or "|" in text or "∪" in text:
        return None
    text = text.replace("+∞", "+inf").replace("-∞", "-inf")
    return re.sub(r"(?<=\d)[^\d.,\s\])]+", "", text)


def bench_parse(sizes: Sizes) -> list[Result]:
    """Cold kpi.parse of every distinct seed cell vs portion.from_string of
    the bracket forms; and warm (cached) kpi.parse."""
    cells = seed_cells()
    cache = kpi.parser.current_reader().parse
    parse = kpi.parse
    repeat = max(5, sizes.repeat)

    def cold() -> None:
        cache.cache_clear()
        conversion_factor.cache_clear()
        for cell in cells:
            parse(cell)

    def warm() -> None:
        for cell in cells:
            parse(cell)

    cold_result = Result(
        "parse cold",
        "kpi.parse(cell), caches cleared",
        "portion.from_string(bracket form)",
        "per cell",
        target="≤ 3×",
        max_ratio=3.0,
        extra={"cells": len(cells)},
    )
    cold_result.kpi_seconds = best_of(cold, repeat) / len(cells)
    cache.cache_clear()
    warm()
    rounds = max(1, 20_000 // len(cells)) if sizes.scalar >= 10_000 else 20

    def warm_rounds() -> None:
        for _ in range(rounds):
            warm()

    warm_result = Result(
        "parse warm",
        "kpi.parse(cell), cached",
        "none",
        "per cell",
        best_of(warm_rounds, repeat) / (rounds * len(cells)),
        target="< 1 µs",
        max_seconds=1e-6,
        extra={"cells": len(cells)},
    )
    why = _missing("portion")
    if why is not None:
        cold_result.skipped = why
        brackets = Result(
            "parse cold brackets",
            "kpi.parse(bracket form)",
            "portion.from_string(bracket form)",
            "per cell",
            skipped=why,
        )
        return [cold_result, brackets, warm_result]
    import portion  # type: ignore[import-untyped,unused-ignore]

    forms = [form for form in map(bracket_form, cells) if form is not None]

    def with_portion() -> None:
        for form in forms:
            portion.from_string(form, conv=Decimal)

    cold_result.peer_seconds = best_of(with_portion, repeat) / len(forms)
    cold_result.extra["bracket_forms"] = len(forms)

    # Like for like: kpi reading the bracket forms too (with their units).
    canonical = [str(kpi.parse(cell)) for cell in cells if bracket_form(cell) is not None]

    def cold_brackets() -> None:
        cache.cache_clear()
        conversion_factor.cache_clear()
        for text in canonical:
            parse(text)

    brackets_result = Result(
        "parse cold brackets",
        "kpi.parse(bracket form), caches cleared",
        "portion.from_string(bracket form)",
        "per cell",
        best_of(cold_brackets, repeat) / len(canonical),
        cold_result.peer_seconds,
        target="none (for reference)",
        extra={"cells": len(canonical)},
    )
    return [cold_result, brackets_result, warm_result]


# ------------------------------------------------------------- end to end


PANDAS_PIPELINE = r'''
"""The peer of `kpi grade`: read the actuals, strip %, grade by breakpoints."""
import sys

import numpy as np
import pandas as pd

breakpoints_csv, actuals_csv, out_csv = sys.argv[1:4]
bps = pd.read_csv(breakpoints_csv)  # 指标名称, b1, b2, b3, right (bool)
actuals = pd.read_csv(actuals_csv, dtype={"实际值": "string"})
value = pd.to_numeric(actuals["实际值"].str.rstrip("%"), errors="coerce")
merged = actuals.assign(value=value).merge(bps, on="指标名称", how="left")
v = merged["value"].to_numpy()
below = np.zeros(len(merged), dtype=np.int8)
for column in ("b1", "b2", "b3"):
    edge = merged[column].to_numpy()
    below += np.where(merged["right"].to_numpy(), v > edge, v >= edge)
labels = np.array(["差", "中", "良", "优"], dtype=object)
merged["grade"] = pd.Categorical(labels[below], categories=list(labels), ordered=True)
merged[["部门", "指标名称", "实际值", "grade"]].to_csv(out_csv, index=False)
summary = merged.groupby(["部门", "grade"], observed=False).size().unstack()
print(summary.sum())
'''


def write_e2e_files(folder: Path, indicators: int, departments: int) -> tuple[Path, Path, Path]:
    """A rubric of *indicators* rates in the seed's three tier styles (weights
    adding up to 100), its breakpoints for the pandas peer, and actuals: one
    value per indicator per department, in a CSV of indicators x departments
    rows."""
    rubric = folder / "rubric.csv"
    breakpoints = folder / "breakpoints.csv"
    actuals = folder / "actuals.csv"
    weight = Decimal(100) / indicators
    names = [f"指标{i:05d}完成率" for i in range(indicators)]
    # The peer's reading of each style: edges, and whether a value equal to
    # an edge belongs below it ("right"); the band style's 89.5% falls to 良
    # and 60% is 中, which ">= edge" gives for edges 60, 80, 90; the third
    # style's 100% is 优 and ≥95% 良: edges 90, 95, 100.
    peer_edges = ((60, 80, 90), (60, 80, 90), (90, 95, 100))
    with rubric.open("w", encoding="utf-8") as out:
        out.write("指标名称,分值,优,良,中,差\n")
        for i, name in enumerate(names):
            out.write(f"{name},{weight},{','.join(E2E_STYLES[i % 3])}\n")
    with breakpoints.open("w", encoding="utf-8") as out:
        out.write("指标名称,b1,b2,b3,right\n")
        for i, name in enumerate(names):
            b1, b2, b3 = peer_edges[i % 3]
            out.write(f"{name},{b1},{b2},{b3},False\n")
    rng = random.Random(5)
    with actuals.open("w", encoding="utf-8") as out:
        out.write("部门,指标名称,实际值\n")
        for d in range(departments):
            department = f"单位{d:05d}"
            rows = [
                f"{department},{name},{round(rng.uniform(50.0, 100.0), 1)}%\n" for name in names
            ]
            out.writelines(rows)
    return rubric, breakpoints, actuals


# The command runs under a small Python process that reports the peak RSS of
# its child: Linux keeps a process's peak RSS across exec, so a child forked
# straight from this process (which holds numpy and pandas) would start from
# this process's size.
_MEASURE = """
import resource, subprocess, sys
status = subprocess.call(sys.argv[1:])
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, status)
"""


def run_measured(command: Sequence[str], cwd: Path) -> tuple[float, float, int]:
    """Run *command*; its wall time in seconds, peak RSS in MB and exit status."""
    wrapper = [sys.executable, "-S", "-c", _MEASURE]
    with (cwd / "stdout.txt").open("wb") as out, (cwd / "stderr.txt").open("wb") as err:
        start = time.perf_counter()
        report = subprocess.run(
            [*wrapper, *command], cwd=cwd, stdout=subprocess.PIPE, stderr=err, check=True
        ).stdout
        wall = time.perf_counter() - start
        lines = report.decode("utf-8", errors="replace").splitlines()
        out.write("\n".join(lines[:-1]).encode("utf-8"))
    max_rss_kb, status = lines[-1].split()
    return wall, int(max_rss_kb) / 1024, int(status)


# The floor of any program that works a row at a time in Python, as kpi
# does: read the actuals with the csv module and write kpi's own report with
# it, grading nothing. The report's rows are loaded before the clock starts;
# the script prints the seconds of reading and writing.
CSV_FLOOR = r'''
"""Read the actuals and write kpi's report with the csv module: no grading."""
import csv
import sys
import time

actuals_csv, report_csv, out_csv = sys.argv[1:4]
with open(report_csv, newline="", encoding="utf-8-sig") as source:
    report = list(csv.reader(source))
start = time.perf_counter()
with open(actuals_csv, newline="", encoding="utf-8") as source:
    for row in csv.reader(source):
        pass
with open(out_csv, "w", newline="", encoding="utf-8-sig") as out:
    csv.writer(out, lineterminator="\r\n").writerows(report)
print(time.perf_counter() - start)
'''


def csv_floor(folder: Path, actuals: Path, report: Path, repeat: int) -> float:
    """The best time of :data:`CSV_FLOOR` on *actuals* and kpi's *report*."""
    script = folder / "csv_floor.py"
    script.write_text(CSV_FLOOR, encoding="utf-8")
    command = [sys.executable, str(script), str(actuals), str(report), str(folder / "floor.csv")]
    return min(
        float(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        for _ in range(repeat)
    )


def disagreements(kpi_report: Path, peer_output: Path) -> int:
    """How many rows kpi's report and the pandas pipeline grade differently."""
    import pandas as pd

    report = pd.read_csv(kpi_report, usecols=["department", "indicator", "grade", "status"])
    report = report[report["status"] == "graded"]
    peer = pd.read_csv(peer_output).rename(
        columns={"部门": "department", "指标名称": "indicator", "grade": "peer_grade"}
    )
    both = report.merge(peer, on=["department", "indicator"], how="outer")
    return int((both["grade"] != both["peer_grade"]).sum())


def bench_end_to_end(sizes: Sizes) -> list[Result]:
    """``kpi grade`` on a generated actuals CSV vs a pandas pipeline, and
    vs the floor of a row-at-a-time Python program (for reference)."""
    rows = sizes.e2e_indicators * sizes.e2e_departments
    result = Result(
        "kpi grade end to end",
        "python -m kpi grade (subprocess)",
        "pandas read_csv + merge + cut",
        "run",
        target="≤ 3×, RSS < 300 MB",
        max_ratio=3.0,
        extra={
            "rows": rows,
            "indicators": sizes.e2e_indicators,
            "departments": sizes.e2e_departments,
            "max_rss_mb": 300,
        },
    )
    with tempfile.TemporaryDirectory(prefix="kpi-bench-") as tmp:
        folder = Path(tmp)
        rubric, breakpoints, actuals = write_e2e_files(
            folder, sizes.e2e_indicators, sizes.e2e_departments
        )
        kpi_command = [
            sys.executable,
            "-m",
            "kpi",
            "grade",
            str(rubric),
            str(actuals),
            "-o",
            str(folder / "out.csv"),
            "--summary-only",
            "--no-progress",
        ]
        runs = [run_measured(kpi_command, folder) for _ in range(sizes.e2e_repeat)]
        wall, _, status = min(runs)
        if status not in (0, 1):
            stderr = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"kpi grade exited with {status}:\n{stderr[-2000:]}")
        result.kpi_seconds = wall
        result.extra["kpi_rss_mb"] = round(max(r[1] for r in runs), 1)
        result.extra["kpi_exit_status"] = status
        floor = Result(
            "kpi grade vs csv floor",
            "python -m kpi grade (subprocess)",
            "csv.reader of the actuals + csv.writer of kpi's report, no grading",
            "run",
            target="none (for reference)",
            kpi_seconds=wall,
            peer_seconds=csv_floor(folder, actuals, folder / "out.csv", sizes.e2e_repeat),
            extra={"rows": rows},
        )
        why = _missing("numpy", "pandas")
        if why is not None:
            result.skipped = why
            return [result, floor]
        script = folder / "pandas_peer.py"
        script.write_text(PANDAS_PIPELINE, encoding="utf-8")
        peer_command = [
            sys.executable,
            str(script),
            str(breakpoints),
            str(actuals),
            str(folder / "peer.csv"),
        ]
        peer_runs = [run_measured(peer_command, folder) for _ in range(sizes.e2e_repeat)]
        peer_wall, _, peer_status = min(peer_runs)
        if peer_status != 0:
            stderr = (folder / "stderr.txt").read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"the pandas pipeline exited with {peer_status}:\n{stderr[-2000:]}")
        result.peer_seconds = peer_wall
        result.extra["peer_rss_mb"] = round(max(r[1] for r in peer_runs), 1)
        result.extra["disagreements"] = disagreements(folder / "out.csv", folder / "peer.csv")
        if result.extra["disagreements"]:
            raise AssertionError(
                f"kpi grade and the pandas pipeline disagree on "
                f"{result.extra['disagreements']} rows: the comparison is void"
            )
    return [result, floor]


# ------------------------------------------------------------------ report


def machine() -> dict[str, str]:
    """What the numbers were measured on."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    info = {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "os": platform.platform(),
        "python": platform.python_version(),
        "kpi": kpi.__version__,
    }
    for name in ("numpy", "pandas", "portion"):
        try:
            info[name] = importlib.metadata.version(name)
        except importlib.metadata.PackageNotFoundError:
            info[name] = "not installed"
    return info


def run_all(sizes: Sizes, only: Sequence[str] = ()) -> list[Result]:
    """Every case at *sizes* (or those whose name starts with one of *only*)."""
    cases: list[tuple[str, Callable[[Sizes], Result | list[Result]]]] = [
        ("grade", bench_grade_float),
        ("grade", bench_grade_string),
        ("grade_many", bench_grade_many),
        ("parse", bench_parse),
        ("e2e", bench_end_to_end),
    ]
    results: list[Result] = []
    for name, bench in cases:
        if only and not any(name.startswith(o) for o in only):
            continue
        got = bench(sizes)
        results.extend(got if isinstance(got, list) else [got])
    return results


def _time(seconds: float | None, unit: str) -> str:
    if seconds is None:
        return "—"
    if unit == "run":
        return f"{seconds:.2f} s"
    if seconds < 1e-6:
        return f"{seconds * 1e9:.0f} ns"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.2f} µs"
    return f"{seconds * 1e3:.2f} ms"


def table(results: Sequence[Result], info: dict[str, str], title: str) -> Table:
    """The results as a rich table."""
    out = Table(title=title, caption=", ".join(f"{k} {v}" for k, v in info.items()))
    for column in ("case", "kpi", "peer", "kpi time", "peer time", "ratio", "target", "met"):
        numeric = "time" in column or column == "ratio"
        out.add_column(column, justify="right" if numeric else "left")
    for r in results:
        if r.skipped is not None and r.kpi_seconds is None:
            out.add_row(
                *map(escape, (r.case, r.kpi, r.peer)),
                "—",
                "—",
                "—",
                r.target,
                escape(f"not available: {r.skipped}"),
            )
            continue
        ratio = r.ratio
        kpi_time = _time(r.kpi_seconds, r.unit)
        peer_time = _time(r.peer_seconds, r.unit)
        if "kpi_rss_mb" in r.extra:
            kpi_time += f", {r.extra['kpi_rss_mb']} MB"
        if "peer_rss_mb" in r.extra:
            peer_time += f", {r.extra['peer_rss_mb']} MB"
        met = r.verdict().replace("n/a", "—")
        if r.skipped is not None:
            met = escape(f"peer not available: {r.skipped}")
        out.add_row(
            *map(escape, (r.case, r.kpi, r.peer)),
            f"{kpi_time} {r.unit}" if r.unit != "run" else kpi_time,
            peer_time,
            "—" if ratio is None else f"{ratio:.2f}×",
            r.target,
            met,
        )
    return out


def main(argv: Sequence[str] | None = None, console: Console | None = None) -> int:
    """Run the benchmarks, print the table; 0 when every case ran."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="tiny sizes: a few seconds")
    parser.add_argument("--json", metavar="PATH", type=Path, help="also write the results here")
    parser.add_argument(
        "--only",
        action="append",
        default=[],
        metavar="CASE",
        help="run only the cases whose name starts with CASE: grade, grade_many, parse, e2e",
    )
    args = parser.parse_args(argv)
    console = console or Console(width=None if sys.stdout.isatty() else 150)
    sizes = Sizes.quick() if args.quick else Sizes.full()
    info = machine()
    results = run_all(sizes, args.only)
    title = "kpi benchmarks" + (
        " (--quick: tiny sizes, not the targets' sizes)" if args.quick else ""
    )
    console.print(table(results, info, title))
    for r in results:
        ratio = r.ratio
        shown = "n/a" if ratio is None else f"{ratio:.2f}x"
        verdict = r.verdict()
        why = f" ({r.skipped})" if r.skipped else ""
        console.print(f"ratio {r.case}: {shown} target {r.target}: {verdict}{why}", highlight=False)
    if args.json is not None:
        data = {
            "machine": info,
            "sizes": asdict(sizes),
            "results": [r.as_dict() for r in results],
        }
        args.json.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
