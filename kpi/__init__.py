"""kpi: read Chinese performance-target rubrics and grade the year's values.

>>> import kpi
>>> str(kpi.parse("90%以上"))
'[90%, +∞)'
>>> ind = kpi.Indicator("事项督查反馈率", {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"})
>>> kpi.grade(ind, "85%")
Grade.良
"""

from kpi.actuals import Actual, Actuals, read_actuals
from kpi.diagnostics import Code, Diagnostic, Severity
from kpi.errors import (
    ActualsReadError,
    ArgumentTypeError,
    GapError,
    IndicatorError,
    KpiError,
    LabelError,
    MissingExtraError,
    PolicyError,
    ReportWriteError,
    RubricReadError,
    RubricWriteError,
    ThresholdSyntaxError,
    UngradableError,
    UnitMismatchError,
    ValueReadError,
    ValueTypeError,
    VocabularyError,
)
from kpi.evaluation import Evaluation, evaluate, grade
from kpi.grades import CompetenceGrade, Grade, QualificationGrade, ScaleGrade, make_scale
from kpi.indicator import Edge, Indicator
from kpi.interval import Bound, Interval
from kpi.lint import lint
from kpi.location import Location
from kpi.many import grade_many
from kpi.national import national_grade
from kpi.output import write_report
from kpi.parser import parse
from kpi.points import score
from kpi.policy import Basis, Direction, GapPolicy
from kpi.read import read_rubric
from kpi.readers.native import write_rubric
from kpi.report import DepartmentReport, Missing, Report, Row, Status, evaluate_rubric
from kpi.rubric import Entry, Rubric
from kpi.scoring import Fractions, Score
from kpi.target import Rule
from kpi.threshold import Kind, Threshold
from kpi.units import Unit
from kpi.values import Label, Measurement
from kpi.words import add_count_word, add_unit

__version__ = "0.1.0"

__all__ = [
    "Actual",
    "Actuals",
    "ActualsReadError",
    "ArgumentTypeError",
    "Basis",
    "Bound",
    "Code",
    "CompetenceGrade",
    "DepartmentReport",
    "Diagnostic",
    "Direction",
    "Edge",
    "Entry",
    "Evaluation",
    "Fractions",
    "GapError",
    "GapPolicy",
    "Grade",
    "Indicator",
    "IndicatorError",
    "Interval",
    "Kind",
    "KpiError",
    "Label",
    "LabelError",
    "Location",
    "Measurement",
    "Missing",
    "MissingExtraError",
    "PolicyError",
    "QualificationGrade",
    "Report",
    "ReportWriteError",
    "Row",
    "Rubric",
    "RubricReadError",
    "RubricWriteError",
    "Rule",
    "ScaleGrade",
    "Score",
    "Severity",
    "Status",
    "Threshold",
    "ThresholdSyntaxError",
    "UngradableError",
    "Unit",
    "UnitMismatchError",
    "ValueReadError",
    "ValueTypeError",
    "VocabularyError",
    "add_count_word",
    "add_unit",
    "evaluate",
    "evaluate_rubric",
    "grade",
    "grade_many",
    "lint",
    "make_scale",
    "national_grade",
    "parse",
    "read_actuals",
    "read_rubric",
    "score",
    "write_report",
    "write_rubric",
]
