"""The bundled example: the seed's 部门职责-工作活动绩效目标 table, graded.

``kpi demo`` prints what :func:`run_demo` returns. Each row of the table is
graded against its sample value; a row that cannot be graded (the seed's
``承办大型会议次数`` has no thresholds) keeps its reason instead of a grade.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from kpi.errors import KpiError
from kpi.evaluation import Evaluation, evaluate
from kpi.indicator import Indicator

__all__ = ["DemoRow", "load_example", "run_demo", "seed_path"]

EXAMPLE = "wuji_2018.toml"
SEED = "wuji_2018.txt"  # a copy of shared/seeds/000_26cbd3258962cffd.txt


@attrs.frozen
class DemoRow:
    """One graded row: the indicator, its sample value, and the evaluation or
    the error that stopped it."""

    activity: str
    line: int
    indicator: Indicator
    actual: str
    evaluation: Evaluation | None
    error: KpiError | None


def seed_path() -> Path:
    """The bundled seed: 无极县政府's 2018 budget disclosure, whose
    部门职责-工作活动绩效目标 table is kpi's main example.

    >>> import kpi
    >>> len(kpi.read_rubric(seed_path()))
    25
    """
    return Path(str(resources.files("kpi") / "examples" / SEED))


def load_example() -> dict[str, Any]:
    """The bundled example table as data (see kpi/examples/wuji_2018.toml)."""
    text = (resources.files("kpi") / "examples" / EXAMPLE).read_text(encoding="utf-8")
    return tomllib.loads(text)


def run_demo() -> list[DemoRow]:
    """Grade every indicator of the example against its sample value."""
    rows: list[DemoRow] = []
    for entry in load_example()["indicator"]:
        indicator = Indicator(entry["name"], entry["tiers"])
        try:
            result: Evaluation | None = evaluate(indicator, entry["actual"])
            error: KpiError | None = None
        except KpiError as exc:
            result, error = None, exc
        rows.append(
            DemoRow(entry["activity"], entry["line"], indicator, entry["actual"], result, error)
        )
    return rows
