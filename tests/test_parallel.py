"""Rubrics and compiled indicators pickle, and grade_many gives the same
grades in a multiprocessing pool and in Dask's map_partitions as in one
process."""

from __future__ import annotations

import multiprocessing
import pickle

import dask.dataframe as dd
import numpy as np
import pandas as pd

import kpi
from kpi.demo import seed_path

MEDIATION = kpi.Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"])


def values(n: int) -> np.ndarray:
    """Values spread over the indicator, many of them exactly at its edges."""
    rng = np.random.default_rng(2018)
    spread = rng.uniform(0, 100, n).round(2)
    spread[::7] = rng.choice([59.99, 60.0, 79.0, 79.5, 80.0, 89.0, 89.5, 90.0], len(spread[::7]))
    return spread


def grade_chunk(chunk: np.ndarray) -> list[str | None]:
    return [None if g is None else g.name for g in kpi.grade_many(MEDIATION, chunk)]


def test_rubrics_and_compiled_indicators_pickle() -> None:
    rubric = kpi.read_rubric(seed_path())
    compiled = [ind.fast() for ind in rubric if ind.is_tiered and not ind.is_qualitative]
    assert pickle.loads(pickle.dumps(rubric)) == rubric
    assert pickle.loads(pickle.dumps(compiled)) == compiled
    copy = pickle.loads(pickle.dumps(MEDIATION))
    assert [kpi.grade(copy, v) for v in (95, 89.5, 59.99)] == [
        kpi.grade(MEDIATION, v) for v in (95, 89.5, 59.99)
    ]


def test_a_process_pool_gives_the_same_grades() -> None:
    data = values(20_000)
    alone = grade_chunk(data)
    with multiprocessing.get_context("spawn").Pool(2) as pool:
        parts = pool.map(grade_chunk, np.array_split(data, 8))
    assert [g for part in parts for g in part] == alone


def test_dask_map_partitions_gives_the_same_grades() -> None:
    frame = pd.DataFrame({"调解率": values(20_000)})
    alone = kpi.grade_many(MEDIATION, frame["调解率"])
    lazy = dd.from_pandas(frame, npartitions=6)["调解率"].map_partitions(
        lambda part: kpi.grade_many(MEDIATION, part),
        meta=pd.Series(pd.Categorical([], categories=["差", "中", "良", "优"], ordered=True)),
    )
    together = lazy.compute(scheduler="processes", num_workers=2)
    pd.testing.assert_series_equal(together, alone, check_names=False)
