"""The error hierarchy and the whole text of kpi's error messages.

Every expected message below was written from the spec (issue 2), not copied
from the output: the column counts characters of the text as given (1-based),
and the caret stands under that character by display width (full-width forms
take two columns, a tab is shown as one space).
"""

from __future__ import annotations

import pickle
import traceback
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

import kpi
import kpi.errors

# ------------------------------------------------------------------ hierarchy

BUILTIN_BASE: dict[type[kpi.KpiError], type[Exception]] = {
    kpi.ThresholdSyntaxError: ValueError,
    kpi.ValueReadError: ValueError,
    kpi.UnitMismatchError: ValueError,
    kpi.LabelError: ValueError,
    kpi.IndicatorError: ValueError,
    kpi.UngradableError: ValueError,
    kpi.GapError: ValueError,
    kpi.VocabularyError: ValueError,
    kpi.PolicyError: ValueError,
    kpi.RubricReadError: ValueError,
    kpi.RubricWriteError: ValueError,
    kpi.ActualsReadError: ValueError,
    kpi.ReportWriteError: ValueError,
    kpi.ValueTypeError: TypeError,
    kpi.ArgumentTypeError: TypeError,
    kpi.MissingExtraError: ImportError,
}


def _exported_exceptions(module: Any) -> set[type[BaseException]]:
    return {
        obj
        for name in module.__all__
        if isinstance(obj := getattr(module, name), type) and issubclass(obj, BaseException)
    }


def test_every_exported_exception_is_classified() -> None:
    assert _exported_exceptions(kpi) == {kpi.KpiError, *BUILTIN_BASE}


def test_kpi_and_kpi_errors_export_the_same_exceptions() -> None:
    assert _exported_exceptions(kpi.errors) == _exported_exceptions(kpi)


def test_kpi_error_is_an_exception() -> None:
    assert issubclass(kpi.KpiError, Exception)
    assert kpi.KpiError.__module__ == "kpi.errors"


@pytest.mark.parametrize(
    ("cls", "builtin"), list(BUILTIN_BASE.items()), ids=[c.__name__ for c in BUILTIN_BASE]
)
def test_subclasses_kpi_error_and_its_builtin(
    cls: type[kpi.KpiError], builtin: type[Exception]
) -> None:
    assert issubclass(cls, kpi.KpiError)
    assert issubclass(cls, builtin)
    # A caller who knows only the builtin catches it.
    with pytest.raises(builtin):
        raise _instance(cls)


def test_value_errors_are_not_type_errors() -> None:
    assert not issubclass(kpi.ThresholdSyntaxError, TypeError)
    assert not issubclass(kpi.ValueTypeError, ValueError)
    assert not issubclass(kpi.MissingExtraError, ValueError)


# ------------------------------------------------------------------ pickling


def _instance(cls: type[kpi.KpiError]) -> kpi.KpiError:
    if cls is kpi.ThresholdSyntaxError:
        return kpi.ThresholdSyntaxError(
            "≥9x5%", "expected a unit or the end of the text", 3, where="a.toml line 4", hint="h"
        )
    return cls(f"a message for {cls.__name__}")


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
@pytest.mark.parametrize("cls", [kpi.KpiError, *BUILTIN_BASE], ids=lambda c: c.__name__)
def test_exceptions_pickle(cls: type[kpi.KpiError], protocol: int) -> None:
    original = _instance(cls)
    copy = pickle.loads(pickle.dumps(original, protocol=protocol))
    assert type(copy) is cls
    assert str(copy) == str(original)
    assert copy.args == original.args
    assert vars(copy) == vars(original)


def test_threshold_syntax_error_keeps_its_attributes_through_pickle() -> None:
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse("≥95斤")
    copy = pickle.loads(pickle.dumps(info.value))
    assert (copy.text, copy.reason, copy.column, copy.where, copy.hint) == (
        "≥95斤",
        "unknown unit '斤' after a number",
        4,
        "",
        "add it with kpi.add_unit() or to grammar/vocabulary.toml",
    )
    assert str(copy) == str(info.value)


def test_threshold_syntax_error_attributes() -> None:
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse("≥9x5%")
    err = info.value
    assert err.text == "≥9x5%"
    assert err.reason == "expected a unit or the end of the text"
    assert err.column == 3
    assert err.where == ""
    assert err.hint == ""


def test_threshold_syntax_error_keeps_the_original_text() -> None:
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse("＞９x５％")
    assert info.value.text == "＞９x５％"
    assert info.value.column == 3


def test_threshold_syntax_error_with_location_and_hint() -> None:
    err = kpi.ThresholdSyntaxError(
        "≥9x5%", "expected a unit", 3, where="rubric.toml line 12", hint="see the docs"
    )
    assert str(err) == (
        "cannot read threshold '≥9x5%' in rubric.toml line 12: expected a unit at column 3"
        " (see the docs)\n"
        "    ≥9x5%\n"
        "      ^"
    )


def test_parse_error_does_not_show_the_pyparsing_exception() -> None:
    # The spec's traceback shows kpi's message only; a chained pyparsing
    # ParseException ("During handling of the above exception ...") with its
    # own, different wording must not be printed above it.
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse("≥9x5%")
    shown = "".join(traceback.format_exception(info.value))
    assert "ParseException" not in shown
    assert "pyparsing/" not in shown
    assert "During handling" not in shown


# ------------------------------------------------------------------ caret line


def test_caret_line_counts_full_width_as_two_columns() -> None:
    assert kpi.errors.caret_line("＞９x", 2) == "    ＞９x\n        ^"


def test_caret_line_counts_a_combining_mark_as_no_column() -> None:
    # "é" written as e + U+0301 takes one column on screen.
    assert kpi.errors.caret_line("e\u0301x", 2) == "    e\u0301x\n     ^"


# ------------------------------------------------------------------ bad cells


def _caret(columns: int) -> str:
    """The caret line: the four-space indent, *columns* spaces, a caret."""
    return "    " + " " * columns + "^"


_LONG_AND = "≥80%且≤99%且≥81%且≤98%且≥82%且≤97%且≥83%且≤96%且≥84%且≤95%且≥85%且≤94%且x"
_LONG_NUMBER = "≥" + "9" * 300 + "x5%"

# The caret lines stay under their text:
# fmt: off
BAD_CELLS = [
    pytest.param(
        "≥9x5%",
        3,
        "cannot read threshold '≥9x5%': expected a unit or the end of the text at column 3\n"
        "    ≥9x5%\n"
        "      ^",
        id="spec-example",
    ),
    pytest.param(
        "  ≥9x5%  ",
        5,
        "cannot read threshold '  ≥9x5%  ': expected a unit or the end of the text at column 5\n"
        "      ≥9x5%  \n"
        "        ^",
        id="surrounding-spaces",
    ),
    # full width: the column counts characters, the caret counts 2 per wide form
    pytest.param(
        "＞９x５％",
        3,
        "cannot read threshold '＞９x５％': expected a unit or the end of the text at column 3\n"
        "    ＞９x５％\n"
        "        ^",
        id="full-width-digits",
    ),
    pytest.param(
        "≥９５ｘ%",
        4,
        "cannot read threshold '≥９５ｘ%': unknown unit 'x' after a number at column 4"
        " (add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
        "    ≥９５ｘ%\n"
        "         ^",
        id="full-width-unknown-unit",
    ),
    pytest.param(
        "不低于９５％，不高于９９％ｘ",
        14,
        "cannot read threshold '不低于９５％，不高于９９％ｘ': expected the end of the text"
        " at column 14\n"
        "    不低于９５％，不高于９９％ｘ\n" + _caret(26),
        id="full-width-words-and-comma",
    ),
    pytest.param(
        "＜0.1‰\u3000x",
        7,
        "cannot read threshold '＜0.1‰\\u3000x': expected the end of the text at column 7\n"
        "    ＜0.1‰\u3000x\n" + _caret(8),
        id="ideographic-space",
    ),
    pytest.param(
        "≥5㎏x",
        4,
        "cannot read threshold '≥5㎏x': expected the end of the text at column 4\n"
        "    ≥5㎏x\n"
        "        ^",
        id="nfkc-expands-one-char-to-two",
    ),
    pytest.param(
        "≥95個x",
        5,
        "cannot read threshold '≥95個x': expected the end of the text at column 5\n"
        "    ≥95個x\n"
        "         ^",
        id="traditional-fold",
    ),
    pytest.param(
        "e\u0301前20%",
        3,
        "cannot read threshold 'e\u0301前20%': rank positions are not thresholds at column 3\n"
        "    e\u0301前20%\n"
        "     ^",
        id="combining-mark",
    ),
    # tabs and newlines: shown as one space in the caret line
    pytest.param(
        "≥9\tx5%",
        4,
        "cannot read threshold '≥9\\tx5%': expected a unit or the end of the text at column 4\n"
        "    ≥9 x5%\n"
        "       ^",
        id="tab",
    ),
    pytest.param(
        "≥9\t \tx5%",
        6,
        "cannot read threshold '≥9\\t \\tx5%': expected a unit or the end of the text"
        " at column 6\n"
        "    ≥9   x5%\n"
        "         ^",
        id="tab-space-tab",
    ),
    pytest.param(
        "\t＞９x５％",
        4,
        "cannot read threshold '\\t＞９x５％': expected a unit or the end of the text"
        " at column 4\n"
        "     ＞９x５％\n"
        "         ^",
        id="leading-tab-full-width",
    ),
    pytest.param(
        "≥95%\tx",
        6,
        "cannot read threshold '≥95%\\tx': expected the end of the text at column 6\n"
        "    ≥95% x\n"
        "         ^",
        id="tab-after-unit",
    ),
    pytest.param(
        "≥95%\n≥96%",
        6,
        "cannot read threshold '≥95%\\n≥96%': expected the end of the text at column 6\n"
        "    ≥95% ≥96%\n"
        "         ^",
        id="newline",
    ),
    # long cells: the caret far to the right
    pytest.param(
        _LONG_AND,
        61,
        f"cannot read threshold '{_LONG_AND}': expected a comparator such as ≥, a number"
        " or '[' or '(' at column 61\n"
        f"    {_LONG_AND}\n" + _caret(72),  # 12 x ("≥80%" 4 + "且" 2)
        id="long-conjunction",
    ),
    pytest.param(
        _LONG_NUMBER,
        302,
        f"cannot read threshold '{_LONG_NUMBER}': expected a unit or the end of the text"
        " at column 302\n"
        f"    {_LONG_NUMBER}\n" + _caret(301),
        id="long-number",
    ),
    # unknown words after a number
    pytest.param(
        "≥95斤",
        4,
        "cannot read threshold '≥95斤': unknown unit '斤' after a number at column 4"
        " (add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
        "    ≥95斤\n"
        "       ^",
        id="unknown-unit",
    ),
    pytest.param(
        # "Whitespace may stand between any two tokens": the word is still
        # an unknown word after a number and must be named.
        "≥95 斤",
        5,
        "cannot read threshold '≥95 斤': unknown unit '斤' after a number at column 5"
        " (add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
        "    ≥95 斤\n"
        "        ^",
        id="unknown-unit-after-space",
    ),
    # refused on purpose, with the reason
    pytest.param(
        "2023年底",
        1,
        "cannot read threshold '2023年底': calendar dates and deadlines are not read yet"
        " at column 1\n"
        "    2023年底\n"
        "    ^",
        id="date",
    ),
    pytest.param(
        "完成时间2023年底",
        5,
        "cannot read threshold '完成时间2023年底': calendar dates and deadlines are not read yet"
        " at column 5\n"
        "    完成时间2023年底\n" + _caret(8),
        id="date-after-words",
    ),
    pytest.param(
        "１２月底到位",
        1,
        "cannot read threshold '１２月底到位': calendar dates and deadlines are not read yet"
        " at column 1\n"
        "    １２月底到位\n"
        "    ^",
        id="deadline-full-width",
    ),
    pytest.param(
        "2023.07-2024.01",
        1,
        "cannot read threshold '2023.07-2024.01': calendar dates and deadlines are not read yet"
        " at column 1\n"
        "    2023.07-2024.01\n"
        "    ^",
        id="date-range",
    ),
    pytest.param(
        "前20%",
        1,
        "cannot read threshold '前20%': rank positions are not thresholds at column 1\n"
        "    前20%\n"
        "    ^",
        id="rank",
    ),
    pytest.param(
        "比上年降低10个百分点",
        1,
        "cannot read threshold '比上年降低10个百分点': relative targets (changes against another"
        " year) are not thresholds at column 1\n"
        "    比上年降低10个百分点\n"
        "    ^",
        id="relative-target",
    ),
    pytest.param(
        "≧ %",
        1,
        "cannot read threshold '≧ %': an unfilled template: comparators and units without"
        " a number at column 1\n"
        "    ≧ %\n"
        "    ^",
        id="unfilled-template",
    ),
    pytest.param(
        "公里",
        1,
        "cannot read threshold '公里': an unfilled template: comparators and units without"
        " a number at column 1\n"
        "    公里\n"
        "    ^",
        id="unit-only",
    ),
    # contradictions and empty sets
    pytest.param(
        "≥95%以下",
        5,
        "cannot read threshold '≥95%以下': the comparator '≥' and '以下' contradict each other"
        " at column 5\n"
        "    ≥95%以下\n"
        "        ^",
        id="comparator-vs-suffix",
    ),
    pytest.param(
        "≥95％以上（不含）",
        7,
        "cannot read threshold '≥95％以上（不含）': the comparator '≥' and (不含) contradict"
        " each other at column 7\n"
        "    ≥95％以上（不含）\n" + _caret(9),
        id="comparator-vs-mark-full-width",
    ),
    pytest.param(
        # the caret goes under the mark that contradicts the first one, as
        # under 以下 in ≥95%以下
        "90(含)分以上(不含)",
        9,
        "cannot read threshold '90(含)分以上(不含)': (含) and (不含) contradict each other"
        " at column 9\n"
        "    90(含)分以上(不含)\n" + _caret(12),
        id="marks-contradict",
    ),
    pytest.param(
        "≥80%且<70%",
        1,
        "cannot read threshold '≥80%且<70%': the conditions exclude each other: no value meets"
        " all of them at column 1\n"
        "    ≥80%且<70%\n"
        "    ^",
        id="empty-conjunction",
    ),
    pytest.param(
        "[5,3)",
        1,
        "cannot read threshold '[5,3)': the interval contains nothing: its lower end is not"
        " below its upper end at column 1\n"
        "    [5,3)\n"
        "    ^",
        id="empty-interval",
    ),
    pytest.param(
        "(+∞,5]",
        2,
        "cannot read threshold '(+∞,5]': the lower end cannot be +∞; write -∞ at column 2\n"
        "    (+∞,5]\n"
        "     ^",
        id="wrong-infinity",
    ),
    # units that do not go together
    pytest.param(
        "≥80%且<90公里",
        6,
        "cannot read threshold '≥80%且<90公里': conditions in different units (% and 公里)"
        " cannot be combined; write them in one unit at column 6\n"
        "    ≥80%且<90公里\n" + _caret(6),
        id="conditions-in-two-units",
    ),
    pytest.param(
        "80%-89公里",
        7,
        "cannot read threshold '80%-89公里': the two ends of a range are in different units"
        " (% and 公里) at column 7\n"
        "    80%-89公里\n" + _caret(6),
        id="range-in-two-units",
    ),
    # incomplete texts
    pytest.param(
        "[3,5",
        5,
        "cannot read threshold '[3,5': expected a unit or ']' or ')' at column 5\n"
        "    [3,5\n"
        "        ^",
        id="unclosed-interval",
    ),
    pytest.param(
        "80-",
        4,
        "cannot read threshold '80-': expected a number at column 4\n"
        "    80-\n"
        "       ^",
        id="range-without-end",
    ),
    pytest.param(
        "≥95%且",
        6,
        "cannot read threshold '≥95%且': expected a comparator such as ≥, a number or '['"
        " or '(' at column 6\n"
        "    ≥95%且\n"
        "          ^",
        id="dangling-and",
    ),
    pytest.param(
        "约95%",
        1,
        "cannot read threshold '约95%': expected a comparator such as ≥, a number or '['"
        " or '(' at column 1\n"
        "    约95%\n"
        "    ^",
        id="unknown-word-first",
    ),
]
# fmt: on


@pytest.mark.parametrize(("text", "column", "message"), BAD_CELLS)
def test_bad_cell_message(text: str, column: int, message: str) -> None:
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse(text)
    assert str(info.value) == message
    assert info.value.text == text
    assert info.value.column == column


# ------------------------------------------------------------------ bad values

RATE = kpi.Indicator("事项督查反馈率", {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"})
HOURS = kpi.Indicator(
    "系统全年累计故障时长（小时）", {"优": "＜48", "良": "＜96", "中": "＜192", "差": "≥192"}
)
SCORE = kpi.Indicator("得分", ["≥90", "≥80", "≥60", "<60"])
QUALITATIVE = kpi.Indicator("打私专项联合执法行动", ["圆满完成", "较好完成", "部分完成", "没完成"])
EMPTY = kpi.Indicator("承办大型会议次数", ["", "—", "无", "/"])
STRICT = kpi.Indicator(
    "案件调解率", {"优": "90%以上", "良": "80-89%", "中": "60-79%", "差": "60%以下"}, gap="error"
)
BAND = kpi.Indicator("综合得分", ["[90,100]", "[80,90)", "[60,80)", "<60"], gap="error")

_RATE = "'事项督查反馈率'"
_ALLOWED = "圆满完成 (优), 较好完成 (良), 部分完成 (中), 没完成 (差)"

BAD_VALUES = [
    pytest.param(
        RATE,
        None,
        kpi.ValueTypeError,
        "expected a number or a text as the value, found None",
        id="none",
    ),
    pytest.param(
        RATE,
        True,
        kpi.ValueTypeError,
        "expected a number or a text as the value, found True",
        id="bool",
    ),
    pytest.param(
        RATE,
        [95],
        kpi.ValueTypeError,
        "expected a number or a text as the value, found list [95]",
        id="list",
    ),
    pytest.param(
        RATE,
        float("nan"),
        kpi.ValueReadError,
        "expected a finite number as the value, found nan",
        id="nan",
    ),
    pytest.param(
        RATE,
        float("-inf"),
        kpi.ValueReadError,
        "expected a finite number as the value, found -inf",
        id="infinity",
    ),
    pytest.param(
        RATE,
        Decimal("NaN"),
        kpi.ValueReadError,
        "expected a finite number as the value, found Decimal('NaN')",
        id="decimal-nan",
    ),
    pytest.param(
        RATE,
        "",
        kpi.ValueReadError,
        "expected a value, found the empty text ''",
        id="empty-text",
    ),
    pytest.param(
        RATE,
        "—",
        kpi.ValueReadError,
        "expected a value, found the empty text '—'",
        id="empty-marker",
    ),
    pytest.param(
        RATE,
        "abc%",
        kpi.LabelError,
        f"indicator {_RATE} holds numbers; expected a number, found the label 'abc%'",
        id="abc-percent",
    ),
    pytest.param(
        RATE,
        "圆满完成",
        kpi.LabelError,
        f"indicator {_RATE} holds numbers; expected a number, found the label '圆满完成'",
        id="label-on-numeric",
    ),
    pytest.param(
        RATE,
        "9x5%",
        kpi.ValueReadError,
        "cannot read value '9x5%': expected a unit or the end of the text at column 2",
        id="unreadable-number",
    ),
    pytest.param(
        RATE,
        "95斤",
        kpi.ValueReadError,
        # the spec: an unknown word after a number is named with how to add it
        "cannot read value '95斤': unknown unit '斤' after a number at column 3"
        " (add it with kpi.add_unit() or to grammar/vocabulary.toml)",
        id="unknown-unit",
    ),
    pytest.param(
        RATE,
        "≥95%",
        kpi.ValueReadError,
        "expected a single number with an optional unit as the value, found '≥95%'",
        id="threshold-as-value",
    ),
    pytest.param(
        RATE,
        "80-90%",
        kpi.ValueReadError,
        "expected a single number with an optional unit as the value, found '80-90%'",
        id="range-as-value",
    ),
    pytest.param(
        RATE,
        "3人",
        kpi.UnitMismatchError,
        f"value 3人 is in 人 (count), which does not convert to % (ratio), the unit of"
        f" indicator {_RATE}",
        id="count-against-percent",
    ),
    pytest.param(
        RATE,
        "5公里",
        kpi.UnitMismatchError,
        f"value 5公里 is in 公里 (length), which does not convert to % (ratio), the unit of"
        f" indicator {_RATE}",
        id="length-against-percent",
    ),
    pytest.param(
        HOURS,
        "2个月",
        kpi.UnitMismatchError,
        "value 2个月 is in 个月 (calendar time), which does not convert to 小时 (time),"
        " the unit of indicator '系统全年累计故障时长（小时）'",
        id="months-never-hours",
    ),
    pytest.param(
        HOURS,
        "3元",
        kpi.UnitMismatchError,
        "value 3元 is in 元 (money), which does not convert to 小时 (time),"
        " the unit of indicator '系统全年累计故障时长（小时）'",
        id="money-against-hours",
    ),
    pytest.param(
        SCORE,
        "95%",
        kpi.UnitMismatchError,
        "indicator '得分' has no unit; expected a bare number, found 95%",
        id="unit-on-unitless",
    ),
    pytest.param(
        QUALITATIVE,
        95,
        kpi.LabelError,
        f"indicator '打私专项联合执法行动' is qualitative; expected one of {_ALLOWED}"
        " or a grade 优/良/中/差, found the number 95",
        id="number-on-qualitative",
    ),
    pytest.param(
        QUALITATIVE,
        "一般",
        kpi.LabelError,
        f"'一般' is not a label of indicator '打私专项联合执法行动'; expected one of {_ALLOWED}"
        " or a grade 优/良/中/差",
        id="unknown-label",
    ),
    pytest.param(
        EMPTY,
        "3",
        kpi.UngradableError,
        "indicator '承办大型会议次数' has no thresholds: every tier is empty, so no grade"
        " can be given",
        id="all-tiers-empty",
    ),
    pytest.param(
        STRICT,
        "89.5%",
        kpi.GapError,
        "89.5% of indicator '案件调解率' is in no tier: it lies between 良 [80%, 89%] and"
        " 优 [90%, +∞) (gap policy 'error')",
        id="gap",
    ),
    pytest.param(
        BAND,
        105,
        kpi.GapError,
        "105 of indicator '综合得分' is in no tier: it lies above every tier, the highest"
        " being 优 [90, 100] (gap policy 'error')",
        id="tail",
    ),
]


@pytest.mark.parametrize(("indicator", "value", "error", "message"), BAD_VALUES)
def test_bad_value_message(
    indicator: kpi.Indicator, value: Any, error: type[kpi.KpiError], message: str
) -> None:
    with pytest.raises(kpi.KpiError) as info:
        kpi.grade(indicator, value)
    assert type(info.value) is error
    assert str(info.value) == message


# ------------------------------------------------------------------ bad indicators

BAD_INDICATORS: list[Any] = [
    pytest.param(
        lambda: kpi.Indicator("完成率", ["≥90%", "≥80%"]),
        kpi.IndicatorError,
        "indicator '完成率': expected 4 tiers (优/良/中/差), found 2",
        id="too-few-tiers",
    ),
    pytest.param(
        lambda: kpi.Indicator("完成率", {"优": "≥90%", "好": "≥80%"}),
        kpi.IndicatorError,
        "indicator '完成率': cannot tell the scale from the tiers 优/好; pass scale=",
        id="unknown-scale",
    ),
    pytest.param(
        lambda: kpi.Indicator("完成率", ["≥90%", "圆满完成", "", ""]),
        kpi.IndicatorError,
        "indicator '完成率' mixes numbers and labels: tier 优 is '[90%, +∞)' but tier 良 is"
        " '圆满完成'",
        id="numbers-and-labels",
    ),
    pytest.param(
        lambda: kpi.Indicator("完成率", {"优": "≥90%", "良": "≥80公里", "中": "", "差": ""}),
        kpi.UnitMismatchError,
        "indicator '完成率': tier 良 '[80公里, +∞)' is in 公里 (length), which does not convert"
        " to % (ratio)",
        id="tiers-in-two-dimensions",
    ),
    pytest.param(
        lambda: kpi.Indicator("故障时长（小时）", ["≥90%", "", "", ""]),
        kpi.UnitMismatchError,
        "indicator '故障时长（小时）': tier 优 '[90%, +∞)' is in % (ratio), which does not"
        " convert to 小时 (time)",
        id="name-unit-against-tiers",
    ),
    pytest.param(
        lambda: kpi.Indicator("完成率", ["≥90%", "", "", ""], unit="斤"),
        kpi.IndicatorError,
        "indicator '完成率': '斤' is not a known unit",
        id="unknown-unit-argument",
    ),
    pytest.param(
        lambda: kpi.Indicator("完成率", ["≥9x5%", "", "", ""]),
        kpi.ThresholdSyntaxError,
        "cannot read threshold '≥9x5%': expected a unit or the end of the text at column 3\n"
        "    ≥9x5%\n"
        "      ^",
        id="unreadable-cell",
    ),
    pytest.param(
        # every failure of kpi is a KpiError (kpi/errors.py): a bad gap policy
        # is a bad indicator, said like the other indicator errors
        lambda: kpi.Indicator("完成率", ["≥90%", "", "", ""], gap="best"),
        kpi.PolicyError,
        "indicator '完成率': gap must be one of 'worse', 'nearest', 'error', not 'best'",
        id="unknown-gap-policy",
    ),
]


@pytest.mark.parametrize(("build", "error", "message"), BAD_INDICATORS)
def test_bad_indicator_message(
    build: Callable[[], kpi.Indicator], error: type[kpi.KpiError], message: str
) -> None:
    with pytest.raises(kpi.KpiError) as info:
        build()
    assert type(info.value) is error
    assert str(info.value) == message
