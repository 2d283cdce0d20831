"""Every indicator of the seed's 部门职责-工作活动绩效目标 table, graded at its edges.

The table is kpi/examples/wuji_2018.toml, a copy of lines 82-433 of
``../shared/seeds/000_26cbd3258962cffd.txt``; the first test checks the copy
against the seed. The expected grades below are written by hand from the
rules of issue 2 ("Indicators and grading"), not from kpi's output:

* tiers are tried from best to worst and the first that contains the value
  wins (60% on 中 60-79% / 差 60%以下 is 中, an overlap; ≥90% / ≥80% are
  cumulative, so a value in both is plainly in 优);
* ``以上``/``以下`` include the number itself, ``＜`` excludes it;
* a value in a gap between two tiers gets the worse of the two;
* beyond every tier on the worse side: the worst grade; on the better side:
  the tier next to it;
* bare numbers are read in the indicator's unit (``（次）``, ``（小时）``
  from the name, else the tiers' unit), values with a unit are converted.
"""

from __future__ import annotations

import functools
import unicodedata
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest

import kpi
from kpi.demo import load_example, seed_path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT.parent / "shared" / "seeds" / "000_26cbd3258962cffd.txt"
SEED_TABLE = (82, 433)  # the lines of the table in the seed, inclusive

Value = str | int | float | Decimal
Case = tuple[str, Value, kpi.Grade, kpi.Basis]

优, 良, 中, 差 = kpi.Grade.优, kpi.Grade.良, kpi.Grade.中, kpi.Grade.差
TIER, OVERLAP, GAP, TAIL, LABEL = (
    kpi.Basis.TIER,
    kpi.Basis.OVERLAP,
    kpi.Basis.GAP,
    kpi.Basis.TAIL,
    kpi.Basis.LABEL,
)
HIGHER = kpi.Direction.HIGHER_IS_BETTER
LOWER = kpi.Direction.LOWER_IS_BETTER
QUALITATIVE = kpi.Direction.QUALITATIVE
UNKNOWN = kpi.Direction.UNKNOWN

# ----------------------------------------------------------- the 25 indicators

FEEDBACK = "事项督查反馈率"
LIAISON = "组织对外联络（次）"
LIAISON_SATISFACTION = "对外联络服务满意度"
RETIREES = "离退领导满意程度"
SUPERVISION = "督查督办落实任务完成率"
CHECKS = "检查信息公开履行职责（次）"
TRAINING = "政务信息公开培训任务完成率"
SMUGGLING = "打私专项联合执法行动"
MEETINGS = "承办大型会议次数"
EMERGENCY = "应急事件处置情况"
OUTAGE = "系统全年累计故障时长（小时）"
MEETING_SUPPORT = "会议保障率"
NETWORK = "网络系统升级"
VIDEO = "视频会议系统断点"
ERRORS = "内容、编校、设计、印刷差错率"
CHRONICLERS = "培训修志队伍"
CHRONICLE = "县级志书编纂任务完成率"
AFFAIRS = "各项综合事务管理工作完成率"
BUSINESS = "各项综合业务管理工作完成率"
MEDIATION = "案件调解率"
EXPERTS = "专家参与立法、提供服务情况"
LITIGATION = "应诉胜诉率"
REVIEW = "复议决定提起诉讼率"
CIVIL_DEFENCE = "工程验收合格率、质量监督覆盖率、警报音响覆盖率、通信手段完好率"
FUNDRAISING = "非法集资综合治理工作开展"

# ASCII names for test ids (pytest escapes non-ASCII ids).
SLUG: dict[str, str] = {
    FEEDBACK: "feedback-rate",
    LIAISON: "liaison-count",
    LIAISON_SATISFACTION: "liaison-satisfaction",
    RETIREES: "retiree-satisfaction",
    SUPERVISION: "supervision-completion",
    CHECKS: "disclosure-checks",
    TRAINING: "disclosure-training",
    SMUGGLING: "anti-smuggling",
    MEETINGS: "large-meetings",
    EMERGENCY: "emergency-handling",
    OUTAGE: "outage-hours",
    MEETING_SUPPORT: "meeting-support",
    NETWORK: "network-upgrade",
    VIDEO: "video-breaks",
    ERRORS: "error-rate",
    CHRONICLERS: "chronicle-training",
    CHRONICLE: "chronicle-completion",
    AFFAIRS: "affairs-completion",
    BUSINESS: "business-completion",
    MEDIATION: "mediation-rate",
    EXPERTS: "expert-participation",
    LITIGATION: "litigation-win-rate",
    REVIEW: "review-suit-rate",
    CIVIL_DEFENCE: "civil-defence",
    FUNDRAISING: "illegal-fundraising",
}

_ID_WORDS: dict[str, str] = {
    "圆满完成": "fully-done",
    "较好完成": "well-done",
    "部分完成": "partly-done",
    "没完成": "not-done",
    "信号优良": "signal-excellent",
    "信号正常": "signal-normal",
    "偶有断点": "occasional-breaks",
    "不正常": "abnormal",
    "完成并上报": "done-and-reported",
    "基本完成": "mostly-done",
    "未完成": "unfinished",
    "未开展": "not-started",
    "小时": "hours",
    "分钟": "min",
    "‰": "permille",
    "‱": "permyriad",
    "天": "d",
    "周": "wk",
    "秒": "s",
    "次": "times",
    "人": "persons",
    "优": "EXCELLENT",
    "良": "GOOD",
    "中": "FAIR",
    "差": "POOR",
}


def ascii_id(value: object) -> str:
    """A readable ASCII rendering of a value for a test id."""
    if not isinstance(value, str):
        return f"{type(value).__name__}({value})"
    text = unicodedata.normalize("NFKC", value)
    prefix = "fullwidth:" if text != value else ""
    for word in sorted(_ID_WORDS, key=len, reverse=True):
        text = text.replace(word, _ID_WORDS[word])
    text = "".join("_" if ch.isspace() else ch for ch in text)
    return prefix + text.encode("ascii", "backslashreplace").decode("ascii")


def case_id(name: str, value: object, grade: kpi.ScaleGrade | None = None) -> str:
    outcome = "" if grade is None else f"->{ascii_id(grade.name)}"
    return f"{SLUG[name]}:{ascii_id(value)}{outcome}"


# ------------------------------------------------- tier patterns of the table

# Indicators that share the same four cells share their hand-written rows;
# test_patterns_match_the_example checks that each named indicator has them.
PATTERNS: dict[tuple[str, str, str, str], tuple[str, ...]] = {
    ("≥90%", "≥80%", "≥60%", "＜60%"): (FEEDBACK,),
    ("≥3", "2", "1", "0"): (LIAISON, CHRONICLERS),
    ("100%", "≥95%", "≥90%", "＜90%"): (
        LIAISON_SATISFACTION,
        RETIREES,
        TRAINING,
        AFFAIRS,
        BUSINESS,
    ),
    ("≥100%", "≥95%", "≥90%", "＜90%"): (SUPERVISION, CHRONICLE),
    ("≥5", "[3,5)", "[1,3)", "0"): (CHECKS,),
    ("圆满完成", "较好完成", "部分完成", "没完成"): (SMUGGLING,),
    ("", "", "", ""): (MEETINGS,),
    ("≥98%", "≥95%", "≥90%", "＜90%"): (EMERGENCY,),
    ("＜48", "＜96", "＜192", "≥192"): (OUTAGE,),
    ("≥95%", "≥90%", "≥80%", "＜80%"): (MEETING_SUPPORT, NETWORK),
    ("信号优良", "信号正常", "偶有断点", "不正常"): (VIDEO,),
    ("＜0.1‰", "＜0.2‰", "＜0.5‰", "＜1‰"): (ERRORS,),
    ("90%以上", "80-89%", "60-79%", "60%以下"): (MEDIATION, EXPERTS, LITIGATION, CIVIL_DEFENCE),
    ("0%", "1-2%", "3-4%", "5%以上"): (REVIEW,),
    ("完成并上报", "基本完成", "未完成", "未开展"): (FUNDRAISING,),
}

Row = tuple[Value, kpi.Grade, kpi.Basis]

# ≥90% | ≥80% | ≥60% | ＜60%: cumulative, higher is better; no gap, no tail.
CUMULATIVE_90_80_60: list[Row] = [
    ("89.99%", 良, TIER),
    ("90%", 优, TIER),
    ("90.01%", 优, TIER),
    ("79.99%", 中, TIER),
    ("80%", 良, TIER),
    ("80.01%", 良, TIER),
    ("59.99%", 差, TIER),
    ("60%", 中, TIER),
    ("60.01%", 中, TIER),
    ("89.5%", 良, TIER),  # ≥80% holds it: not a gap here
    ("100%", 优, TIER),
    ("120%", 优, TIER),
    ("0%", 差, TIER),
    ("-5%", 差, TIER),  # ＜60% is unbounded below
    (85, 良, TIER),  # a bare number is read in %
    ("85", 良, TIER),
    (Decimal("89.99"), 良, TIER),
    (0.95, 差, TIER),  # read as 0.95%, not 95%
    ("９０％", 优, TIER),
    (" 90 % ", 优, TIER),
    ("900‰", 优, TIER),  # = 90%
    ("899.9‰", 良, TIER),  # = 89.99%
]

# 100% | ≥95% | ≥90% | ＜90%: 优 is the point 100%; a value above it is not in
# 优 but is in ≥95%, the first tier that contains it, so 良.
POINT_100_95_90: list[Row] = [
    ("99.99%", 良, TIER),
    ("100%", 优, TIER),  # in 优, 良 and 中, which contain all of 优: cumulative
    ("100.01%", 良, TIER),
    ("120%", 良, TIER),
    ("94.99%", 中, TIER),
    ("95%", 良, TIER),
    ("95.01%", 良, TIER),
    ("89.99%", 差, TIER),
    ("90%", 中, TIER),
    ("90.01%", 中, TIER),
    ("0%", 差, TIER),
    (100, 优, TIER),
    ("１００％", 优, TIER),
    ("1000‰", 优, TIER),
]

# ≥100% | ≥95% | ≥90% | ＜90%
CUMULATIVE_100_95_90: list[Row] = [
    ("99.99%", 良, TIER),
    ("100%", 优, TIER),
    ("100.01%", 优, TIER),
    ("120%", 优, TIER),
    ("94.99%", 中, TIER),
    ("95%", 良, TIER),
    ("95.01%", 良, TIER),
    ("89.99%", 差, TIER),
    ("90%", 中, TIER),
    ("90.01%", 中, TIER),
    ("0%", 差, TIER),
    (100, 优, TIER),
]

# ≥98% | ≥95% | ≥90% | ＜90%
CUMULATIVE_98_95_90: list[Row] = [
    ("97.99%", 良, TIER),
    ("98%", 优, TIER),
    ("98.01%", 优, TIER),
    ("94.99%", 中, TIER),
    ("95%", 良, TIER),
    ("95.01%", 良, TIER),
    ("89.99%", 差, TIER),
    ("90%", 中, TIER),
    ("90.01%", 中, TIER),
    ("120%", 优, TIER),
    ("0%", 差, TIER),
]

# ≥95% | ≥90% | ≥80% | ＜80%
CUMULATIVE_95_90_80: list[Row] = [
    ("94.99%", 良, TIER),
    ("95%", 优, TIER),
    ("95.01%", 优, TIER),
    ("89.99%", 中, TIER),
    ("90%", 良, TIER),
    ("90.01%", 良, TIER),
    ("79.99%", 差, TIER),
    ("80%", 中, TIER),
    ("80.01%", 中, TIER),
    ("89.5%", 中, TIER),
    ("120%", 优, TIER),
    ("0%", 差, TIER),
]

# 90%以上 | 80-89% | 60-79% | 60%以下, read by 民法典 第1259条: 优 [90%, +∞),
# 良 [80%, 89%], 中 [60%, 79%], 差 (-∞, 60%]. Gaps (89%, 90%) and (79%, 80%);
# 60% is in 中 and 差 (overlap, 中 wins).
LEGAL_90_80_60: list[Row] = [
    ("89.99%", 良, GAP),
    ("90%", 优, TIER),
    ("90.01%", 优, TIER),
    ("88.99%", 良, TIER),
    ("89%", 良, TIER),
    ("89.01%", 良, GAP),
    ("89.5%", 良, GAP),
    ("79.99%", 中, GAP),
    ("80%", 良, TIER),
    ("80.01%", 良, TIER),
    ("78.99%", 中, TIER),
    ("79%", 中, TIER),
    ("79.01%", 中, GAP),
    ("79.5%", 中, GAP),
    ("59.99%", 差, TIER),
    ("60%", 中, OVERLAP),
    ("60.01%", 中, TIER),
    ("100%", 优, TIER),
    ("120%", 优, TIER),
    ("0%", 差, TIER),
    ("-1%", 差, TIER),  # 60%以下 is unbounded below
    (89.5, 良, GAP),
    (Decimal("79.5"), 中, GAP),
    (60, 中, OVERLAP),
    ("８９．５％", 良, GAP),
    ("895‰", 良, GAP),  # = 89.5%
    ("600‰", 中, OVERLAP),  # = 60%
    (" 60% ", 中, OVERLAP),
]

# ≥3 | 2 | 1 | 0, higher is better: the points are cut lines.
POINTS_3_2_1_0: list[Row] = [
    ("2.99", 良, GAP),
    ("3", 优, TIER),
    ("3.01", 优, TIER),
    ("10", 优, TIER),
    ("1.99", 中, GAP),
    ("2", 良, TIER),
    ("2.01", 良, GAP),
    ("2.5", 良, GAP),
    ("0.99", 差, GAP),
    ("1", 中, TIER),
    ("1.01", 中, GAP),
    ("1.5", 中, GAP),
    ("-0.01", 差, TAIL),  # below every tier of a higher-is-better indicator
    ("-1", 差, TAIL),
    ("0", 差, TIER),
    ("0.01", 差, GAP),
    ("0.5", 差, GAP),
    (2, 良, TIER),
    (2.5, 良, GAP),
    (0, 差, TIER),
]

# ≥5 | [3,5) | [1,3) | 0, higher is better.
CHECKS_5_3_1_0: list[Row] = [
    ("4.99", 良, TIER),
    ("5", 优, TIER),
    ("5.01", 优, TIER),
    ("2.99", 中, TIER),
    ("3", 良, TIER),
    ("3.01", 良, TIER),
    ("0.99", 差, GAP),  # between 差 0 and 中 [1,3): the worse
    ("1", 中, TIER),
    ("1.01", 中, TIER),
    ("-0.01", 差, TAIL),
    ("0", 差, TIER),
    ("0.01", 差, GAP),
    ("0.5", 差, GAP),
    ("4次", 良, TIER),
    ("10次", 优, TIER),
    (0, 差, TIER),
    (5, 优, TIER),
]

# ＜48 | ＜96 | ＜192 | ≥192 hours (unit from the name), lower is better.
HOURS_48_96_192: list[Row] = [
    ("47", 优, TIER),
    ("47.99", 优, TIER),
    ("48", 良, TIER),  # 48 is not ＜48
    ("48.01", 良, TIER),
    ("49", 良, TIER),
    ("95.99", 良, TIER),
    ("96", 中, TIER),
    ("96.01", 中, TIER),
    ("191.99", 中, TIER),
    ("192", 差, TIER),
    ("192.01", 差, TIER),
    ("193", 差, TIER),
    ("1000", 差, TIER),
    ("0", 优, TIER),
    ("-1", 优, TIER),  # ＜48 is unbounded below
    (47, 优, TIER),
    (48, 良, TIER),
    (49, 良, TIER),
    ("2天", 良, TIER),  # = 48 hours
    ("1天", 优, TIER),
    ("4天", 中, TIER),  # = 96 hours
    ("8天", 差, TIER),  # = 192 hours
    ("1周", 中, TIER),  # = 168 hours
    ("47小时", 优, TIER),
    ("48小时", 良, TIER),
    ("48h", 良, TIER),
    ("2879分钟", 优, TIER),
    ("2880分钟", 良, TIER),  # = 48 hours
    ("172799秒", 优, TIER),
    ("172800秒", 良, TIER),  # = 48 hours
]

# ＜0.1‰ | ＜0.2‰ | ＜0.5‰ | ＜1‰, lower is better; 1‰ and above is beyond
# every tier on the worse side: 差, although 差 ＜1‰ does not hold it.
PERMILLE_01_02_05_1: list[Row] = [
    ("0.09‰", 优, TIER),
    ("0.1‰", 良, TIER),
    ("0.11‰", 良, TIER),
    ("0.19‰", 良, TIER),
    ("0.2‰", 中, TIER),
    ("0.21‰", 中, TIER),
    ("0.49‰", 中, TIER),
    ("0.5‰", 差, TIER),
    ("0.51‰", 差, TIER),
    ("0.99‰", 差, TIER),
    ("1‰", 差, TAIL),
    ("1.01‰", 差, TAIL),
    ("2‰", 差, TAIL),
    ("0‰", 优, TIER),
    ("0.009%", 优, TIER),  # = 0.09‰
    ("0.01%", 良, TIER),  # = 0.1‰
    ("0.011%", 良, TIER),
    ("0.019%", 良, TIER),
    ("0.02%", 中, TIER),  # = 0.2‰
    ("0.049%", 中, TIER),
    ("0.05%", 差, TIER),  # = 0.5‰
    ("0.099%", 差, TIER),
    ("0.1%", 差, TAIL),  # = 1‰
    ("0.2%", 差, TAIL),
    ("０.０１％", 良, TIER),
    ("0.01 %", 良, TIER),
    ("1‱", 良, TIER),  # = 0.1‰
    ("0.9‱", 优, TIER),
    ("0.1", 良, TIER),  # a bare number is read in ‰
    (0.05, 优, TIER),
    (1, 差, TAIL),
]

# 0% | 1-2% | 3-4% | 5%以上, lower is better: 优 {0%}, 良 [1%, 2%], 中 [3%, 4%],
# 差 [5%, +∞); gaps between them; below 0% is the better side.
REVIEW_0_1_3_5: list[Row] = [
    ("-1%", 优, TAIL),
    ("-0.01%", 优, TAIL),
    ("0%", 优, TIER),
    ("0.01%", 良, GAP),
    ("0.5%", 良, GAP),
    ("0.99%", 良, GAP),
    ("1%", 良, TIER),
    ("1.01%", 良, TIER),
    ("1.99%", 良, TIER),
    ("2%", 良, TIER),
    ("2.01%", 中, GAP),
    ("2.5%", 中, GAP),
    ("2.99%", 中, GAP),
    ("3%", 中, TIER),
    ("3.01%", 中, TIER),
    ("3.99%", 中, TIER),
    ("4%", 中, TIER),
    ("4.01%", 差, GAP),
    ("4.5%", 差, GAP),
    ("4.99%", 差, GAP),
    ("5%", 差, TIER),
    ("5.01%", 差, TIER),
    ("100%", 差, TIER),
    (0, 优, TIER),
    (2.5, 中, GAP),
    ("25‰", 中, GAP),  # = 2.5%
    ("0‰", 优, TIER),
    ("２．５％", 中, GAP),
]

SMUGGLING_LABELS: list[Row] = [
    ("圆满完成", 优, LABEL),
    ("较好完成", 良, LABEL),
    ("部分完成", 中, LABEL),
    ("没完成", 差, LABEL),
    ("优", 优, LABEL),
    ("良", 良, LABEL),
    ("中", 中, LABEL),
    ("差", 差, LABEL),
    (" 较好完成 ", 良, LABEL),
    ("\u3000较好完成\u3000", 良, LABEL),  # ideographic (full-width) spaces
    ("较好完成\n", 良, LABEL),
    ("\u3000良 ", 良, LABEL),
]

VIDEO_LABELS: list[Row] = [
    ("信号优良", 优, LABEL),
    ("信号正常", 良, LABEL),
    ("偶有断点", 中, LABEL),
    ("不正常", 差, LABEL),
    ("良", 良, LABEL),
    ("\u3000信号正常", 良, LABEL),
    ("  偶有断点  ", 中, LABEL),
]

FUNDRAISING_LABELS: list[Row] = [
    ("完成并上报", 优, LABEL),
    ("基本完成", 良, LABEL),
    ("未完成", 中, LABEL),
    ("未开展", 差, LABEL),
    ("优", 优, LABEL),
    ("差", 差, LABEL),
    ("基本完成\u3000", 良, LABEL),
]


def _rows(names: tuple[str, ...], rows: list[Row]) -> list[Case]:
    return [(name, value, grade, basis) for name in names for value, grade, basis in rows]


# (indicator name, value, expected grade, expected basis), for every gradable
# indicator of the table (承办大型会议次数 is in UNGRADABLE_VALUES).
CASES: list[Case] = [
    *_rows((FEEDBACK,), CUMULATIVE_90_80_60),
    *_rows((LIAISON, CHRONICLERS), POINTS_3_2_1_0),
    *_rows((LIAISON,), [("2次", 良, TIER), ("3次", 优, TIER), ("2.5次", 良, GAP)]),
    *_rows((LIAISON,), [("３次", 优, TIER), ("0次", 差, TIER), ("-1次", 差, TAIL)]),
    *_rows((LIAISON,), [("3人", 优, TIER)]),  # every counting word is one dimension
    *_rows((LIAISON_SATISFACTION, RETIREES, TRAINING, AFFAIRS, BUSINESS), POINT_100_95_90),
    *_rows((SUPERVISION, CHRONICLE), CUMULATIVE_100_95_90),
    *_rows((CHECKS,), CHECKS_5_3_1_0),
    *_rows((SMUGGLING,), SMUGGLING_LABELS),
    *_rows((EMERGENCY,), CUMULATIVE_98_95_90),
    *_rows((OUTAGE,), HOURS_48_96_192),
    *_rows((MEETING_SUPPORT, NETWORK), CUMULATIVE_95_90_80),
    *_rows((VIDEO,), VIDEO_LABELS),
    *_rows((ERRORS,), PERMILLE_01_02_05_1),
    *_rows((MEDIATION, EXPERTS, LITIGATION, CIVIL_DEFENCE), LEGAL_90_80_60),
    *_rows((REVIEW,), REVIEW_0_1_3_5),
    *_rows((FUNDRAISING,), FUNDRAISING_LABELS),
]

UNGRADABLE_VALUES: list[Value] = ["3", 3, "0", "3次", 2.5, "圆满完成", "良"]

DIRECTIONS: dict[str, kpi.Direction] = {
    FEEDBACK: HIGHER,
    LIAISON: HIGHER,
    LIAISON_SATISFACTION: HIGHER,
    RETIREES: HIGHER,
    SUPERVISION: HIGHER,
    CHECKS: HIGHER,
    TRAINING: HIGHER,
    SMUGGLING: QUALITATIVE,
    MEETINGS: UNKNOWN,
    EMERGENCY: HIGHER,
    OUTAGE: LOWER,
    MEETING_SUPPORT: HIGHER,
    NETWORK: HIGHER,
    VIDEO: QUALITATIVE,
    ERRORS: LOWER,
    CHRONICLERS: HIGHER,
    CHRONICLE: HIGHER,
    AFFAIRS: HIGHER,
    BUSINESS: HIGHER,
    MEDIATION: HIGHER,
    EXPERTS: HIGHER,
    LITIGATION: HIGHER,
    REVIEW: LOWER,
    CIVIL_DEFENCE: HIGHER,
    FUNDRAISING: QUALITATIVE,
}

UNITS: dict[str, str | None] = {
    FEEDBACK: "%",
    LIAISON: "次",  # from the name's （次）
    LIAISON_SATISFACTION: "%",
    RETIREES: "%",
    SUPERVISION: "%",
    CHECKS: "次",
    TRAINING: "%",
    SMUGGLING: None,
    MEETINGS: None,  # 次数 in the name is not a trailing parenthetical
    EMERGENCY: "%",
    OUTAGE: "小时",  # from the name's （小时）
    MEETING_SUPPORT: "%",
    NETWORK: "%",
    VIDEO: None,
    ERRORS: "‰",
    CHRONICLERS: None,  # bare numbers, no unit in the name
    CHRONICLE: "%",
    AFFAIRS: "%",
    BUSINESS: "%",
    MEDIATION: "%",
    EXPERTS: "%",
    LITIGATION: "%",
    REVIEW: "%",
    CIVIL_DEFENCE: "%",
    FUNDRAISING: None,
}

# gap="nearest": the closer tier's region, a tie to the worse.
NEAREST_CASES: list[Case] = [
    (MEDIATION, "89.4%", 良, GAP),
    (MEDIATION, "89.6%", 优, GAP),
    (MEDIATION, "89.5%", 良, GAP),  # 0.5 from 89% and from 90%: the worse
    (MEDIATION, "79.4%", 中, GAP),
    (MEDIATION, "79.6%", 良, GAP),
    (MEDIATION, "79.5%", 中, GAP),
    (MEDIATION, "90%", 优, TIER),
    (MEDIATION, "60%", 中, OVERLAP),
    (REVIEW, "0.4%", 优, GAP),
    (REVIEW, "0.5%", 良, GAP),
    (REVIEW, "0.6%", 良, GAP),
    (REVIEW, "2.4%", 良, GAP),
    (REVIEW, "2.5%", 中, GAP),
    (REVIEW, "4.6%", 差, GAP),
    (REVIEW, "-1%", 优, TAIL),
    (LIAISON, "2.4", 良, GAP),
    (LIAISON, "2.6", 优, GAP),
    (LIAISON, "0.5", 差, GAP),
    (LIAISON, "1.5", 中, GAP),
    (LIAISON, "-1", 差, TAIL),
    (ERRORS, "2‰", 差, TAIL),
]

# gap="error": the whole message of kpi.GapError for values in no tier.
GAP_ERRORS: list[tuple[str, Value, str]] = [
    (
        MEDIATION,
        "89.5%",
        "89.5% of indicator '案件调解率' is in no tier: it lies between 良 [80%, 89%] "
        "and 优 [90%, +∞) (gap policy 'error')",
    ),
    (
        MEDIATION,
        "79.5%",
        "79.5% of indicator '案件调解率' is in no tier: it lies between 中 [60%, 79%] "
        "and 良 [80%, 89%] (gap policy 'error')",
    ),
    (
        REVIEW,
        "2.5%",
        "2.5% of indicator '复议决定提起诉讼率' is in no tier: it lies between 良 [1%, 2%] "
        "and 中 [3%, 4%] (gap policy 'error')",
    ),
    (
        REVIEW,
        "-1%",
        "-1% of indicator '复议决定提起诉讼率' is in no tier: it lies below every tier, "
        "the lowest being 优 [0%, 0%] (gap policy 'error')",
    ),
    (
        ERRORS,
        "2‰",
        "2‰ of indicator '内容、编校、设计、印刷差错率' is in no tier: it lies above every "
        "tier, the highest being 差 [0.5‰, 1‰) (gap policy 'error')",
    ),
    (
        ERRORS,
        "0.2%",
        "0.2% (= 2‰) of indicator '内容、编校、设计、印刷差错率' is in no tier: it lies above "
        "every tier, the highest being 差 [0.5‰, 1‰) (gap policy 'error')",
    ),
    (
        LIAISON,
        "2.5",
        "2.5 (read as 2.5次) of indicator '组织对外联络（次）' is in no tier: it lies between "
        "良 [2次, 2次] and 优 [3次, +∞) (gap policy 'error')",
    ),
]

# gap="error" leaves values that are in a tier alone.
ERROR_POLICY_IN_TIER: list[Case] = [
    (MEDIATION, "90%", 优, TIER),
    (MEDIATION, "89%", 良, TIER),
    (MEDIATION, "60%", 中, OVERLAP),
    (REVIEW, "0%", 优, TIER),
    (ERRORS, "0.99‰", 差, TIER),
]

# The reason says what decided: (indicator, value, gap policy, phrases it must
# hold, phrases it must not hold).
REASONS: list[tuple[str, Value, str, tuple[str, ...], tuple[str, ...]]] = [
    (
        MEDIATION,
        "89.5%",
        "worse",
        ("no tier", "between 良 [80%, 89%] and 优 [90%, +∞)", "gap policy 'worse'", "worse"),
        ("overlap",),
    ),
    (
        REVIEW,
        "2.5%",
        "worse",
        ("no tier", "between 良 [1%, 2%] and 中 [3%, 4%]", "gap policy 'worse'"),
        ("overlap",),
    ),
    (
        MEDIATION,
        "89.5%",
        "nearest",
        ("no tier", "between 良 [80%, 89%] and 优 [90%, +∞)", "gap policy 'nearest'", "tie"),
        ("overlap",),
    ),
    (
        MEDIATION,
        "60%",
        "worse",
        ("中 [60%, 79%]", "差 (-∞, 60%]", "overlap", "better"),
        ("no tier",),
    ),
    (
        ERRORS,
        "2‰",
        "worse",
        ("no tier", "above every tier", "差 [0.5‰, 1‰)", "worse side", "lower-is-better"),
        ("overlap", "between"),
    ),
    (
        LIAISON,
        "-1",
        "worse",
        ("no tier", "below every tier", "差 [0次, 0次]", "worse side", "higher-is-better"),
        ("overlap", "between"),
    ),
    (
        REVIEW,
        "-1%",
        "worse",
        ("no tier", "below every tier", "优 [0%, 0%]", "better side", "lower-is-better"),
        ("overlap", "between"),
    ),
    (
        FEEDBACK,
        "85%",
        "worse",
        ("85%", "良 [80%, +∞)"),
        ("no tier", "overlap", "every tier", "gap"),
    ),
]

EdgeRow = tuple[Fraction, kpi.Grade | None, kpi.Grade | None, kpi.Grade | None]

# ind.edges(): every end point of a tier, with the grade just below, at and
# just above it, by the rules above.
EDGES: list[tuple[str, str, str, list[EdgeRow]]] = [
    (
        MEDIATION,
        "worse",
        "%",
        [
            (Fraction(60), 差, 中, 中),  # 60% is in 中 and 差: 中
            (Fraction(79), 中, 中, 中),  # (79%, 80%) is a gap: the worse, 中
            (Fraction(80), 中, 良, 良),
            (Fraction(89), 良, 良, 良),  # (89%, 90%) is a gap: the worse, 良
            (Fraction(90), 良, 优, 优),
        ],
    ),
    (
        MEDIATION,
        "error",
        "%",
        [
            (Fraction(60), 差, 中, 中),
            (Fraction(79), 中, 中, None),
            (Fraction(80), None, 良, 良),
            (Fraction(89), 良, 良, None),
            (Fraction(90), None, 优, 优),
        ],
    ),
    (
        REVIEW,
        "worse",
        "%",
        [
            (Fraction(0), 优, 优, 良),  # below 0%: the better side, the tier next to it
            (Fraction(1), 良, 良, 良),
            (Fraction(2), 良, 良, 中),
            (Fraction(3), 中, 中, 中),
            (Fraction(4), 中, 中, 差),
            (Fraction(5), 差, 差, 差),
        ],
    ),
    (
        ERRORS,
        "worse",
        "‰",
        [
            (Fraction(1, 10), 优, 良, 良),
            (Fraction(1, 5), 良, 中, 中),
            (Fraction(1, 2), 中, 差, 差),
            (Fraction(1), 差, 差, 差),  # from 1‰ on: beyond every tier, the worse side
        ],
    ),
]


# ------------------------------------------------------------------- helpers


@functools.cache
def example_rows() -> dict[str, dict[str, Any]]:
    rows: list[dict[str, Any]] = load_example()["indicator"]
    return {row["name"]: row for row in rows}


@functools.cache
def indicator(name: str) -> kpi.Indicator:
    row = example_rows()[name]
    return kpi.Indicator(row["name"], row["tiers"])


@functools.cache
def seed_lines() -> list[str]:
    if not SEED.is_file():
        pytest.skip(
            f"the seed file {SEED} is absent (it lives in ../shared/seeds next to the "
            "repository); cannot check that the example copies it"
        )
    return [line.removesuffix("\r") for line in SEED.read_text(encoding="utf-8").split("\n")]


# --------------------------------------------------------------------- tests


def test_example_has_the_25_indicators_of_the_seed_table() -> None:
    names = list(example_rows())
    assert len(load_example()["indicator"]) == 25
    assert names == list(SLUG)
    for row in example_rows().values():
        assert list(row["tiers"]) == ["优", "良", "中", "差"]


@pytest.mark.parametrize("name", list(SLUG), ids=list(SLUG.values()))
def test_example_copies_the_seed(name: str) -> None:
    lines = seed_lines()
    row = example_rows()[name]
    line: int = row["line"]
    first, last = SEED_TABLE
    assert first <= line, f"line {line} is before the table"
    assert line + 4 <= last, f"line {line} is too close to the end of the table"
    cells = [row["tiers"][g] for g in ("优", "良", "中", "差")]
    assert lines[line - 1 : line + 4] == ["\t" + name] + ["\t" + cell for cell in cells]


@pytest.mark.parametrize(
    ("cells", "names"),
    list(PATTERNS.items()),
    ids=[SLUG[names[0]] for names in PATTERNS.values()],
)
def test_patterns_match_the_example(cells: tuple[str, ...], names: tuple[str, ...]) -> None:
    for name in names:
        tiers = example_rows()[name]["tiers"]
        assert tuple(tiers[g] for g in ("优", "良", "中", "差")) == cells, name


def test_every_indicator_has_cases() -> None:
    graded = {name for name, *_ in CASES} | {MEETINGS}
    assert graded == set(SLUG)
    assert {name for names in PATTERNS.values() for name in names} == set(SLUG)
    assert set(DIRECTIONS) == set(UNITS) == set(SLUG)


@pytest.mark.parametrize(
    ("name", "value", "expected", "basis"),
    CASES,
    ids=[case_id(name, value, grade) for name, value, grade, _ in CASES],
)
def test_grade(name: str, value: Value, expected: kpi.Grade, basis: kpi.Basis) -> None:
    ev = kpi.evaluate(indicator(name), value)
    assert (ev.grade, ev.basis) == (expected, basis), ev.reason
    assert kpi.grade(indicator(name), value) is expected


@pytest.mark.parametrize(
    "value", UNGRADABLE_VALUES, ids=[case_id(MEETINGS, v) for v in UNGRADABLE_VALUES]
)
def test_empty_indicator_is_ungradable(value: Value) -> None:
    message = (
        "indicator '承办大型会议次数' has no thresholds: every tier is empty, "
        "so no grade can be given"
    )
    with pytest.raises(kpi.UngradableError) as info:
        kpi.grade(indicator(MEETINGS), value)
    assert str(info.value) == message
    with pytest.raises(kpi.UngradableError):
        kpi.evaluate(indicator(MEETINGS), value, gap="nearest")


@pytest.mark.parametrize(
    ("name", "direction"), list(DIRECTIONS.items()), ids=[SLUG[n] for n in DIRECTIONS]
)
def test_direction(name: str, direction: kpi.Direction) -> None:
    assert indicator(name).direction is direction


@pytest.mark.parametrize(("name", "unit"), list(UNITS.items()), ids=[SLUG[n] for n in UNITS])
def test_unit(name: str, unit: str | None) -> None:
    found = indicator(name).unit
    assert (None if found is None else str(found)) == unit


@pytest.mark.parametrize(
    ("name", "value", "expected", "basis"),
    NEAREST_CASES,
    ids=[case_id(name, value, grade) for name, value, grade, _ in NEAREST_CASES],
)
def test_gap_nearest(name: str, value: Value, expected: kpi.Grade, basis: kpi.Basis) -> None:
    ev = kpi.evaluate(indicator(name), value, gap="nearest")
    assert (ev.grade, ev.basis) == (expected, basis), ev.reason
    assert kpi.grade(indicator(name), value, gap=kpi.GapPolicy.NEAREST) is expected
    nearest = kpi.Indicator(name, example_rows()[name]["tiers"], gap="nearest")
    assert kpi.grade(nearest, value) is expected


@pytest.mark.parametrize(
    ("name", "value", "message"),
    GAP_ERRORS,
    ids=[case_id(name, value) for name, value, _ in GAP_ERRORS],
)
def test_gap_error(name: str, value: Value, message: str) -> None:
    with pytest.raises(kpi.GapError) as info:
        kpi.evaluate(indicator(name), value, gap="error")
    assert str(info.value) == message
    strict = kpi.Indicator(name, example_rows()[name]["tiers"], gap=kpi.GapPolicy.ERROR)
    with pytest.raises(kpi.GapError):
        kpi.grade(strict, value)
    # The default policy grades the same value.
    assert kpi.grade(indicator(name), value) in kpi.Grade


@pytest.mark.parametrize(
    ("name", "value", "expected", "basis"),
    ERROR_POLICY_IN_TIER,
    ids=[case_id(name, value, grade) for name, value, grade, _ in ERROR_POLICY_IN_TIER],
)
def test_gap_error_grades_values_in_a_tier(
    name: str, value: Value, expected: kpi.Grade, basis: kpi.Basis
) -> None:
    ev = kpi.evaluate(indicator(name), value, gap="error")
    assert (ev.grade, ev.basis) == (expected, basis)


@pytest.mark.parametrize(
    ("name", "value", "gap", "present", "absent"),
    REASONS,
    ids=[f"{case_id(name, value)}-{gap}" for name, value, gap, _, _ in REASONS],
)
def test_reason_says_what_decided(
    name: str, value: Value, gap: str, present: tuple[str, ...], absent: tuple[str, ...]
) -> None:
    reason = kpi.evaluate(indicator(name), value, gap=gap).reason
    for phrase in present:
        assert phrase in reason, f"{phrase!r} not in {reason!r}"
    for phrase in absent:
        assert phrase not in reason, f"{phrase!r} in {reason!r}"


@pytest.mark.parametrize(
    ("name", "gap", "unit", "expected"),
    EDGES,
    ids=[f"{SLUG[name]}-{gap}" for name, gap, _, _ in EDGES],
)
def test_edges(name: str, gap: str, unit: str, expected: list[EdgeRow]) -> None:
    edges = indicator(name).edges(gap)
    assert [(e.value, e.below, e.at, e.above) for e in edges] == expected
    assert {str(e.unit) for e in edges} == {unit}


def test_the_bundled_seed_is_the_shared_seed() -> None:
    shared = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
    original = shared / "000_26cbd3258962cffd.txt"
    if not original.exists():
        pytest.skip(f"the seed {original} is absent; cannot compare the bundled copy")
    assert seed_path().read_bytes() == original.read_bytes()
