"""The bundled example: the seed's 部门职责-工作活动绩效目标 table, graded.

``kpi demo`` prints and writes the report :func:`run_demo` returns: the
seed rubric (:func:`seed_path`, 无极县政府's 2018 budget disclosure) graded
against the bundled sample actuals (:func:`actuals_path`, one made-up value
per indicator). Every indicator gets a row; the seed's ``承办大型会议次数``
has no thresholds, so its row says why it cannot be graded instead of a
grade (:data:`EXPECTED_FAILURES`).

The sample values are also in ``kpi/examples/wuji_2018.toml``, the seed's
table as data (:func:`load_example`), which the tests of the seed table use.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from kpi.actuals import read_actuals
from kpi.read import read_rubric
from kpi.report import Progress, Report, evaluate_rubric

__all__ = ["EXPECTED_FAILURES", "actuals_path", "load_example", "run_demo", "seed_path"]

EXAMPLE = "wuji_2018.toml"
SEED = "wuji_2018.txt"  # a copy of shared/seeds/000_26cbd3258962cffd.txt
ACTUALS = "wuji_2018_actuals.csv"

EXPECTED_FAILURES: tuple[str, ...] = ("承办大型会议次数",)
"""The seed's indicators that the demo cannot grade: their tiers are empty."""


def _example_file(name: str) -> Path:
    return Path(str(resources.files("kpi") / "examples" / name))


def seed_path() -> Path:
    """The bundled seed: 无极县政府's 2018 budget disclosure, whose
    部门职责-工作活动绩效目标 table is kpi's main example.

    >>> import kpi
    >>> len(kpi.read_rubric(seed_path()))
    25
    """
    return _example_file(SEED)


def actuals_path() -> Path:
    """The bundled sample actuals of the seed: a UTF-8 CSV file with the
    header ``指标名称,实际值,备注`` and one made-up value per indicator.

    >>> import kpi
    >>> actuals = kpi.read_actuals(actuals_path())
    >>> len(actuals), actuals.items[0].name, actuals.items[0].value, actuals.items[0].note
    (25, '事项督查反馈率', '92%', '示例数据')
    """
    return _example_file(ACTUALS)


def load_example() -> dict[str, Any]:
    """The bundled example table as data (see kpi/examples/wuji_2018.toml)."""
    return tomllib.loads(_example_file(EXAMPLE).read_text(encoding="utf-8"))


def run_demo(*, progress: Progress | None = None) -> Report:
    """Grade the seed rubric against the bundled sample actuals.

    *progress*, if given, is called as ``progress(done, total)`` while rows
    are graded (see :func:`kpi.evaluate_rubric`).

    >>> report = run_demo()
    >>> report.only.shown_total(), str(report.only.grade)
    ('81.6', '良')
    >>> [row.name for row in report.failed] == list(EXPECTED_FAILURES)
    True
    """
    rubric = read_rubric(seed_path())
    actuals = read_actuals(actuals_path())
    return evaluate_rubric(rubric, actuals, progress=progress)
