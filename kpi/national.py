"""The national grade of a total: the bands of 财预〔2020〕10号.

《项目支出绩效评价管理办法》(财预〔2020〕10号) grades a total out of 100: 90
(含) and above 优, 80 (含) to 90 良, 60 (含) to 80 中, below 60 差. The bands
are written in the threshold language in ``grammar/scoring.toml`` and graded
by an ordinary :class:`~kpi.Indicator`, so the edges are exactly those of
any other rubric.

>>> from decimal import Decimal
>>> national_grade(Decimal("89.99"))
Grade.良
>>> national_grade(90)
Grade.优
"""

from __future__ import annotations

import functools

from kpi.errors import ValueReadError, ValueTypeError
from kpi.evaluation import Evaluation, evaluate
from kpi.exact import format_number
from kpi.grades import Grade
from kpi.indicator import Indicator
from kpi.parser import parse
from kpi.scoring import NumberLike, exact_number
from kpi.target import scoring_words

__all__ = [
    "NATIONAL_BANDS",
    "NATIONAL_SOURCE",
    "national_bands",
    "national_evaluation",
    "national_grade",
]

NATIONAL_BANDS: dict[str, str] = dict(scoring_words()["national"]["bands"])
"""The bands of a total out of 100, by grade, in the threshold language."""

NATIONAL_SOURCE = "财预〔2020〕10号"

_TOTAL_RANGE: str = scoring_words()["national"]["total"]


@functools.cache
def national_bands() -> Indicator:
    """The 财预〔2020〕10号 bands as a kpi indicator: ``≥90`` 优, ``[80,90)``
    良, ``[60,80)`` 中, ``＜60`` 差."""
    return Indicator("绩效评价总分", NATIONAL_BANDS)


def national_evaluation(total: NumberLike) -> Evaluation:
    """The evaluation of a total out of 100 on the national bands, with its reason.

    Raises :class:`~kpi.ValueReadError` for a total outside [0, 100].
    """
    number = exact_number(total, "a total", ValueTypeError)
    if not parse(_TOTAL_RANGE).contains(number):
        raise ValueReadError(
            f"a total on the 100-point scale of {NATIONAL_SOURCE} lies in {_TOTAL_RANGE}, "
            f"not {format_number(number)}"
        )
    return evaluate(national_bands(), number)


def national_grade(total: NumberLike) -> Grade:
    """The grade of a total out of 100 on the bands of 财预〔2020〕10号.

    Raises :class:`~kpi.ValueReadError` for a total outside [0, 100].
    """
    found = national_evaluation(total).grade
    assert isinstance(found, Grade)
    return found
