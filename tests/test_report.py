"""kpi.evaluate_rubric: a rubric and the year's actual values become a report.

Nothing is dropped (every indicator and every actual has a row), weights are
checked, the total is exact and graded on the national bands, and one bad
value spoils only its own row.
"""

from __future__ import annotations

import io
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kpi
from kpi import Grade, Indicator, Missing, Rubric, Status
from kpi.demo import actuals_path, seed_path

D = Decimal
F = Fraction


def weighted() -> Rubric:
    """Two tiered and two single-target indicators, weights adding up to 100."""
    return Rubric(
        [
            Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"], weight=30),
            Indicator("案件调解率", ["90%以上", "80-89%", "60-79%", "60%以下"], weight=20),
            Indicator("公文差错率", target="≤0.1‰", weight=25),
            Indicator("群众满意情况", target="达到预期", weight=25),
        ]
    )


GOOD = {"会议保障率": "96%", "案件调解率": "85%", "公文差错率": "0.01%", "群众满意情况": "达成"}


def test_every_indicator_scored() -> None:
    report = kpi.evaluate_rubric(weighted(), GOOD)
    department = report.only
    assert [(r.name, r.status, r.grade, r.points) for r in department.rows] == [
        ("会议保障率", Status.GRADED, Grade.优, D(30)),
        ("案件调解率", Status.GRADED, Grade.良, D(16)),
        ("公文差错率", Status.SCORED, None, D(25)),
        ("群众满意情况", Status.SCORED, None, D(25)),
    ]
    assert (department.total, department.out_of, department.grade) == (D(96), D(100), Grade.优)
    assert department.reason == (
        "weights as given in the rubric, adding up to 100; the total, 96 of 100, is 优 (≥90) "
        "by the bands of 财预〔2020〕10号."
    )
    assert report.ok
    assert department.problems == ()
    assert department.rows[2].value == "0.1‰"
    assert department.rows[2].given == "0.01%"
    assert department.rows[2].rule is kpi.Rule.LOWER_RATIO


# total on 100, expected grade: the bands of 财预〔2020〕10号 at their edges
BAND_CASES = [
    ("95%", "85%", "0.01%", "达成", D(96), Grade.优),
    ("92%", "85%", "0.01%", "部分达成", D(85), Grade.良),
    ("92%", "85%", "0.02%", "部分达成", D("72.5"), Grade.中),
    ("79%", "50%", "0.05%", "未达成", D(20), Grade.差),
]


@pytest.mark.parametrize(("a", "b", "c", "d", "total", "grade"), BAND_CASES)
def test_total_and_grade(a: str, b: str, c: str, d: str, total: Decimal, grade: Grade) -> None:
    names = ["会议保障率", "案件调解率", "公文差错率", "群众满意情况"]
    report = kpi.evaluate_rubric(weighted(), dict(zip(names, [a, b, c, d], strict=True)))
    assert (report.only.total, report.only.grade) == (total, grade)


def test_total_exactly_at_a_band_edge() -> None:
    rubric = Rubric([Indicator("完成率", target="≥100%", weight=100)])
    assert kpi.evaluate_rubric(rubric, {"完成率": "90%"}).only.grade is Grade.优
    assert kpi.evaluate_rubric(rubric, {"完成率": "89.999%"}).only.grade is Grade.良
    assert kpi.evaluate_rubric(rubric, {"完成率": "80%"}).only.grade is Grade.良
    assert kpi.evaluate_rubric(rubric, {"完成率": "60%"}).only.grade is Grade.中
    assert kpi.evaluate_rubric(rubric, {"完成率": "59.99%"}).only.grade is Grade.差


# ------------------------------------------------------------------ nothing is lost


def test_missing_unmatched_duplicate_and_bad_rows() -> None:
    actuals = kpi.Actuals(
        (
            kpi.Actual("会议保障率", "96%"),
            kpi.Actual("案件调解率", "八成"),
            kpi.Actual("公文差错率", ""),
            kpi.Actual("会议保障率", "90%"),
            kpi.Actual("办文数量", "300件"),
        )
    )
    report = kpi.evaluate_rubric(weighted(), actuals)
    rows = report.only.rows
    assert [(r.name, r.status) for r in rows] == [
        ("会议保障率", Status.GRADED),
        ("案件调解率", Status.ERROR),
        ("公文差错率", Status.MISSING),
        ("群众满意情况", Status.MISSING),
        ("办文数量", Status.UNMATCHED),
        ("会议保障率", Status.DUPLICATE),
    ]
    assert [r.reason for r in rows[1:]] == [
        "indicator '案件调解率' holds numbers; expected a number, found the label '八成'",
        "the actual value of '公文差错率' is empty",
        "no actual value is given for '群众满意情况' in the actuals",
        "'办文数量' names no indicator of the rubric, so its value is not scored (names are "
        "compared after folding full-width characters, spaces and brackets)",
        "a second actual value of '会议保障率'; only the first, '96%', is scored",
    ]
    assert report.only.total == D(30)
    assert report.only.grade is Grade.差
    assert report.only.reason == (
        "weights as given in the rubric, adding up to 100; 3 indicators without points earn 0 "
        "(missing policy 'zero'); the total, 30 of 100, is 差 (＜60) by the bands of "
        "财预〔2020〕10号."
    )
    assert [r.name for r in report.failed] == ["案件调解率", "公文差错率", "群众满意情况"]
    assert not report.ok
    assert report.only.counts[Status.UNMATCHED] == 1


def test_missing_policy_exclude_scales_the_rest() -> None:
    report = kpi.evaluate_rubric(
        weighted(), {"会议保障率": "96%", "案件调解率": "85%"}, missing="exclude"
    )
    assert report.missing is Missing.EXCLUDE
    assert report.only.total == D(92)  # 46 of 50, scaled to 100
    assert report.only.grade is Grade.优
    assert report.only.reason == (
        "weights as given in the rubric, adding up to 100; 2 indicators without points are "
        "left out (missing policy 'exclude'): 46 of 50 points, scaled to 100; the total, 92 "
        "of 100, is 优 (≥90) by the bands of 财预〔2020〕10号."
    )


def test_nothing_scored_under_exclude_has_no_total() -> None:
    report = kpi.evaluate_rubric(weighted(), {}, missing="exclude")
    assert (report.only.total, report.only.grade) == (None, None)


# matching: full-width forms, spaces and brackets are folded; nothing else
MATCH_CASES = [
    ("会议保障率", True),
    (" 会议 保障率\u3000", True),
    ("会议保障率\u200b", True),
    ("ＡＢＣ完成率", True),
    ("会议保障率（%）", False),
    ("会议保障", False),
]


@pytest.mark.parametrize(("written", "matched"), MATCH_CASES)
def test_names_are_matched_after_folding(written: str, matched: bool) -> None:
    rubric = Rubric(
        [
            Indicator("会议保障率", target="≥95%", weight=50),
            Indicator("ABC完成率", target="≥95%", weight=50),
        ]
    )
    report = kpi.evaluate_rubric(rubric, {written: "96%"})
    statuses = {r.status for r in report.only.rows}
    assert (Status.UNMATCHED not in statuses) is matched


def test_brackets_of_any_width_match() -> None:
    rubric = Rubric([Indicator("组织对外联络（次）", ["≥3", "2", "1", "0"])])
    report = kpi.evaluate_rubric(rubric, {"组织对外联络[次]": "2次"})
    assert report.only.rows[0].grade is Grade.良


# ------------------------------------------------------------------ weights


def test_no_weights_means_equal_weights() -> None:
    report = kpi.evaluate_rubric(seed_path(), {"事项督查反馈率": "92%"})
    department = report.only
    assert department.rows[0].weight == D(4)
    assert department.reason.startswith(
        "the rubric gives no weights, so each of its 25 indicators weighs 100 / 25 = 4; "
    )


def test_equal_weights_that_are_not_decimals_stay_exact() -> None:
    rubric = Rubric([Indicator(n, target="≥95%") for n in ("甲", "乙", "丙")])
    report = kpi.evaluate_rubric(rubric, {"甲": "95%", "乙": "95%", "丙": "95%"})
    assert report.only.rows[0].weight == F(100, 3)
    assert report.only.total == D(100)
    assert report.only.reason.startswith(
        "the rubric gives no weights, so each of its 3 indicators weighs 100 / 3 = ≈33.33; "
    )


def test_weights_that_do_not_add_up_give_no_grade() -> None:
    rubric = Rubric(
        [
            Indicator("会议保障率", target="≥95%", weight=30),
            Indicator("公文差错率", target="≤0.1‰", weight=60),
        ]
    )
    report = kpi.evaluate_rubric(rubric, {"会议保障率": "95%", "公文差错率": "0.1‰"})
    assert report.only.total == D(90)
    assert report.only.grade is None
    assert report.only.problems == (
        "the weights add up to 90, not 100; correct the weights (分值), or declare the total "
        "they add up to (out_of)",
    )
    assert not report.ok
    declared = kpi.evaluate_rubric(rubric, {"会议保障率": "95%", "公文差错率": "0.1‰"}, out_of=90)
    assert declared.only.grade is Grade.优
    assert declared.only.reason == (
        "weights as given in the rubric, adding up to 90; the total, 90 of 90 (100 of 100), "
        "is 优 (≥90) by the bands of 财预〔2020〕10号."
    )


def test_some_weights_missing_gives_no_grade() -> None:
    rubric = Rubric(
        [
            Indicator("会议保障率", target="≥95%", weight=100),
            Indicator("公文差错率", target="≤0.1‰"),
        ]
    )
    report = kpi.evaluate_rubric(rubric, {"会议保障率": "95%", "公文差错率": "0.1‰"})
    assert report.only.grade is None
    assert report.only.rows[1].status is Status.ERROR
    assert report.only.rows[1].reason == (
        "indicator '公文差错率' has no weight (分值), so it earns no points"
    )
    assert report.only.problems == (
        "1 of 2 indicators have no weight (公文差错率); give every indicator a weight (分值), "
        "or none, so that the total can be graded",
    )


# ------------------------------------------------------------------ departments


def test_one_report_per_department() -> None:
    report = kpi.evaluate_rubric(
        weighted(),
        {"办公室": GOOD, "法制科": {"会议保障率": "50%"}},
    )
    assert [d.department for d in report] == ["办公室", "法制科"]
    assert report["办公室"].grade is Grade.优
    assert report["法制科"].grade is Grade.差
    assert len(report.rows) == 8
    assert {r.department for r in report.rows} == {"办公室", "法制科"}
    with pytest.raises(ValueError, match="the report has 2 departments"):
        report.only  # noqa: B018
    with pytest.raises(KeyError):
        report["财务科"]


def test_departments_from_a_csv_file() -> None:
    text = (
        "部门,指标名称,实际值,备注\n"
        "办公室,会议保障率,96%,\n"
        "法制科,会议保障率,85%,抽查\n"
        "办公室,案件调解率,90%,\n"
    )
    actuals = kpi.read_actuals(io.BytesIO(text.encode("utf-8")), format="csv")
    report = kpi.evaluate_rubric(weighted(), actuals)
    assert [d.department for d in report] == ["办公室", "法制科"]
    second = report["法制科"].rows[0]
    assert (second.grade, second.note, second.actual.row) == (Grade.中, "抽查", 3)


def test_progress_is_reported() -> None:
    seen: list[tuple[int, int]] = []
    kpi.evaluate_rubric(
        weighted(),
        {"a": {"会议保障率": "96%", "x": "1"}, "b": {"会议保障率": "90%"}},
        progress=lambda d, t: seen.append((d, t)),
    )
    assert seen[-1] == (9, 9)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_settings_are_checked() -> None:
    with pytest.raises(kpi.PolicyError) as caught:
        kpi.evaluate_rubric(weighted(), GOOD, missing="skip")
    assert str(caught.value) == "missing must be one of 'zero', 'exclude', not 'skip'"
    with pytest.raises(kpi.PolicyError) as caught:
        kpi.evaluate_rubric(weighted(), GOOD, out_of=0)
    assert str(caught.value) == "out_of must be more than 0, not 0"


def test_the_seed_graded_from_files() -> None:
    report = kpi.evaluate_rubric(seed_path(), actuals_path())
    department = report.only
    assert len(department.indicators) == 25
    assert [r.name for r in department.failed] == ["承办大型会议次数"]
    assert (department.total, department.grade) == (D("81.6"), Grade.良)


# ------------------------------------------------------------------ properties

values = st.one_of(
    st.none(),
    st.sampled_from(["", "达成", "八成", "3天"]),
    st.decimals(min_value=-10, max_value=200, places=2).map(lambda d: f"{d}%"),
)


@settings(deadline=None, max_examples=60)
@given(st.lists(values, min_size=4, max_size=4), st.sampled_from(["zero", "exclude"]))
def test_report_invariants(found: list[str | None], missing: str) -> None:
    names = ["会议保障率", "案件调解率", "公文差错率", "群众满意情况"]
    mapping = {n: v for n, v in zip(names, found, strict=True) if v is not None}
    report = kpi.evaluate_rubric(weighted(), mapping, missing=missing)
    department = report.only
    assert len(department.rows) == 4
    assert all(r.reason for r in department.rows)
    if department.total is not None:
        assert 0 <= department.total <= 100
        assert department.grade is kpi.national_grade(department.total)
    for row in department.rows:
        assert (row.points is not None) is row.ok
        if row.points is not None and row.weight is not None:
            assert 0 <= row.points <= row.weight
