"""Unit tests of units and exact conversions: kpi.units, Threshold.contains across units, and the
run-time vocabulary (kpi.add_unit, kpi.add_count_word).

Adding a word changes kpi's current vocabulary for the whole process, and other test modules rely
on 斤 being unknown. The tests that add words therefore use words no other test relies on, and put
the previous reader (the vocabulary) back when they end: ``jin`` for the whole module, and
``restore_vocabulary`` for one test.
"""

from __future__ import annotations

from collections.abc import Iterator
from fractions import Fraction

import pytest

import kpi
import kpi.parser
from kpi.units import Unit, conversion_factor


def unit(word: str) -> Unit:
    """The unit a cell such as ``1小时`` is written in."""
    found = kpi.parse(f"1{word}").unit
    assert found is not None, word
    return found


@pytest.fixture(scope="module")
def jin() -> Iterator[None]:
    """斤 (500 g) added once for the module, and forgotten after it."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kpi.parser, "_reader", kpi.parser.current_reader())
        kpi.add_unit("斤", "500 * gram", dimension="mass")
        yield
    conversion_factor.cache_clear()


# ---------------------------------------------------------------- exact factors

# source word, target word, factor: a value in source is multiplied by factor to be in target.
FACTOR_CASES = [
    pytest.param("天", "小时", Fraction(24), id="day-hour"),
    pytest.param("小时", "天", Fraction(1, 24), id="hour-day"),
    pytest.param("h", "分钟", Fraction(60), id="h-minute"),
    pytest.param("分钟", "秒", Fraction(60), id="minute-second"),
    pytest.param("周", "天", Fraction(7), id="week-day"),
    pytest.param("%", "‰", Fraction(10), id="percent-permille"),
    pytest.param("‰", "%", Fraction(1, 10), id="permille-percent"),
    pytest.param("‰", "‱", Fraction(10), id="permille-permyriad"),
    pytest.param("个百分点", "%", Fraction(1), id="percentage-point-percent"),
    pytest.param("百分比", "%", Fraction(1), id="baifenbi-percent"),
    pytest.param("/万", "‱", Fraction(1), id="per-wan-permyriad"),
    pytest.param("/千", "‰", Fraction(1), id="per-qian-permille"),
    pytest.param("/10万", "/万", Fraction(1, 10), id="per-100k-per-10k"),
    pytest.param("亩", "平方米", Fraction(2000, 3), id="mu-square-meter"),
    pytest.param("平方米", "亩", Fraction(3, 2000), id="square-meter-mu"),
    pytest.param("万亩", "公顷", Fraction(2000, 3), id="wan-mu-hectare"),
    pytest.param("公顷", "万亩", Fraction(3, 2000), id="hectare-wan-mu"),
    pytest.param("万亩", "亩", Fraction(10000), id="wan-mu-mu"),
    pytest.param("公顷", "平方米", Fraction(10000), id="hectare-square-meter"),
    pytest.param("万元", "元", Fraction(10000), id="wan-yuan-yuan"),
    pytest.param("元", "万元", Fraction(1, 10000), id="yuan-wan-yuan"),
    pytest.param("亿元", "万元", Fraction(10000), id="yi-yuan-wan-yuan"),
    pytest.param("千元", "元", Fraction(1000), id="qian-yuan-yuan"),
    pytest.param("km", "m", Fraction(1000), id="km-m"),
    pytest.param("公里", "米", Fraction(1000), id="gongli-mi"),
    pytest.param("厘米", "毫米", Fraction(10), id="cm-mm"),
    pytest.param("吨", "kg", Fraction(1000), id="ton-kg"),
    pytest.param("t", "公斤", Fraction(1000), id="t-gongjin"),
    pytest.param("千克", "克", Fraction(1000), id="qianke-ke"),
    pytest.param("L", "ml", Fraction(1000), id="liter-ml"),
    pytest.param("立方米", "升", Fraction(1000), id="cubic-meter-liter"),
    pytest.param("年", "个月", Fraction(12), id="year-month"),
    pytest.param("月", "年", Fraction(1, 12), id="month-year"),
    pytest.param("工作日", "个工作日", Fraction(1), id="workday-spellings"),
    pytest.param("万元/人·月", "元/人·月", Fraction(10000), id="compound-money-per-person-month"),
    pytest.param("元/人·月", "元/人·年", Fraction(12), id="compound-per-month-per-year"),
    pytest.param("元/户", "元/人", Fraction(1), id="compound-counting-words"),
    pytest.param("元/亩", "元/平方米", Fraction(3, 2000), id="compound-per-mu"),
    pytest.param("次/30秒", "次/分钟", Fraction(2), id="compound-per-30-seconds"),
    pytest.param("次/分钟", "次/30秒", Fraction(1, 2), id="compound-per-minute"),
]


@pytest.mark.parametrize(("source", "target", "factor"), FACTOR_CASES)
def test_conversion_factor_is_exact(source: str, target: str, factor: Fraction) -> None:
    found = conversion_factor(unit(source).pint, unit(target).pint)
    assert type(found) is Fraction
    assert found == factor
    assert unit(target).compatible(unit(source))


@pytest.mark.parametrize(("source", "target", "factor"), FACTOR_CASES)
def test_conversion_there_and_back_is_one(source: str, target: str, factor: Fraction) -> None:
    there = conversion_factor(unit(source).pint, unit(target).pint)
    back = conversion_factor(unit(target).pint, unit(source).pint)
    assert there * back == 1


# threshold, value, whether the value lies in the threshold (exactly, across units)
CONTAINS_ACROSS_UNITS_CASES = [
    pytest.param("=0.01%", "0.1‰", True, id="0.01%-is-0.1‰"),
    pytest.param("=0.1‰", "0.01%", True, id="0.1‰-is-0.01%"),
    pytest.param("<0.1‰", "0.01%", False, id="0.01%-not-below-0.1‰"),
    pytest.param("<0.1‰", "0.00999%", True, id="just-below-0.1‰"),
    pytest.param("≥95%", "950‰", True, id="950‰-is-95%"),
    pytest.param("≥95%", "949.9‰", False, id="949.9‰-below-95%"),
    pytest.param("＜48小时", "2天", False, id="2-days-is-48-hours"),
    pytest.param("≤48小时", "2天", True, id="2-days-at-most-48-hours"),
    pytest.param("＜48小时", "2879分钟", True, id="minutes"),
    pytest.param("≥2000平方米", "3亩", True, id="3-mu-is-2000-m2"),
    pytest.param("≥2000平方米", "2.999亩", False, id="2.999-mu-below-2000-m2"),
    pytest.param("=3亩", "2000平方米", True, id="2000-m2-is-3-mu"),
    pytest.param("=1亩", "666.67平方米", False, id="1-mu-is-not-a-finite-decimal"),
    pytest.param("≥1万亩", "666.67公顷", True, id="wan-mu-hectare-above"),
    pytest.param("≥1万亩", "666.66公顷", False, id="wan-mu-hectare-below"),
    pytest.param("≥1万元", "10000元", True, id="wan-yuan-yuan"),
    pytest.param("≥1万元", "9999.99元", False, id="wan-yuan-yuan-below"),
    pytest.param("≥1km", "1000m", True, id="km-m"),
    pytest.param("≥1km", "999.9米", False, id="km-m-below"),
    pytest.param("≥1吨", "1000kg", True, id="ton-kg"),
    pytest.param("≥1吨", "999.999公斤", False, id="ton-kg-below"),
    pytest.param("≥1L", "1000ml", True, id="liter-ml"),
    pytest.param("≥1L", "999毫升", False, id="liter-ml-below"),
    pytest.param("≥1年", "12个月", True, id="year-months"),
    pytest.param("≥1年", "11个月", False, id="year-months-below"),
    pytest.param("≥100元/人·月", "0.01万元/人·月", True, id="compound-money"),
    pytest.param("≥30次/30秒", "60次/分钟", True, id="compound-rate"),
    pytest.param("≥30次/30秒", "59次/分钟", False, id="compound-rate-below"),
    pytest.param("≥5工作日", "5个工作日", True, id="workday-spellings"),
]


@pytest.mark.parametrize(("cell", "value", "inside"), CONTAINS_ACROSS_UNITS_CASES)
def test_values_convert_exactly(cell: str, value: str, inside: bool) -> None:
    assert kpi.parse(cell).contains(value) is inside
    assert (value in kpi.parse(cell)) is inside


def test_mu_to_square_meter_is_a_fraction_when_graded() -> None:
    area = kpi.Indicator("面积（平方米）", ["≥2000", "≥1000", "≥500", "<500"])
    ev = kpi.evaluate(area, "1亩")
    assert isinstance(ev.value, kpi.Measurement)
    assert ev.value.number == Fraction(2000, 3)
    assert ev.reason == "1亩 (= 2000/3平方米) is in 中 [500平方米, +∞) and in no better tier."
    back = kpi.Indicator("面积（亩）", ["≥3", "≥2", "≥1", "<1"])
    moved = kpi.evaluate(back, "2000平方米").value
    assert isinstance(moved, kpi.Measurement)
    assert moved.number == 3
    assert kpi.grade(back, "2000平方米") is kpi.Grade.优


# ---------------------------------------------------------------- incompatible units

INCOMPATIBLE_CASES = [
    pytest.param("个月", "天", id="month-day"),
    pytest.param("天", "个月", id="day-month"),
    pytest.param("个月", "周", id="month-week"),
    pytest.param("年", "天", id="year-day"),
    pytest.param("年", "周", id="year-week"),
    pytest.param("周", "年", id="week-year"),
    pytest.param("年", "小时", id="year-hour"),
    pytest.param("工作日", "天", id="workday-day"),
    pytest.param("天", "工作日", id="day-workday"),
    pytest.param("工作日", "小时", id="workday-hour"),
    pytest.param("工作日", "周", id="workday-week"),
    pytest.param("工作日", "个月", id="workday-month"),
    pytest.param("%", "次", id="percent-count"),
    pytest.param("人", "%", id="count-percent"),
    pytest.param("元", "米", id="money-length"),
    pytest.param("分", "分钟", id="points-minutes"),
    pytest.param("岁", "年", id="age-year"),
    pytest.param("平方米", "立方米", id="area-volume"),
    pytest.param("元/人·月", "元/人", id="compound-per-month-per-count"),
]


@pytest.mark.parametrize(("source", "target"), INCOMPATIBLE_CASES)
def test_incompatible_units_raise_naming_both(source: str, target: str) -> None:
    a, b = unit(source), unit(target)
    assert not b.compatible(a)
    with pytest.raises(kpi.UnitMismatchError) as info:
        conversion_factor(a.pint, b.pint)
    assert str(info.value) == f"{a.pint} does not convert to {b.pint}"


# threshold, value, whole message of the UnitMismatchError
MISMATCH_MESSAGE_CASES = [
    pytest.param(
        "≥1年",
        "365天",
        "value 365天 is in 天 (time), which does not convert to 年 (calendar time) "
        "of threshold '[1年, +∞)'",
        id="days-against-years",
    ),
    pytest.param(
        "≥1个月",
        "30天",
        "value 30天 is in 天 (time), which does not convert to 个月 (calendar time) "
        "of threshold '[1个月, +∞)'",
        id="days-against-months",
    ),
    pytest.param(
        "≥5天",
        "5工作日",
        "value 5工作日 is in 工作日 (working time), which does not convert to 天 (time) "
        "of threshold '[5天, +∞)'",
        id="workdays-against-days",
    ),
    pytest.param(
        "≥95%",
        "3人",
        "value 3人 is in 人 (count), which does not convert to % (ratio) of threshold '[95%, +∞)'",
        id="count-against-percent",
    ),
    pytest.param(
        "≥3人",
        "3元",
        "value 3元 is in 元 (money), which does not convert to 人 (count) of threshold '[3人, +∞)'",
        id="money-against-count",
    ),
]


@pytest.mark.parametrize(("cell", "value", "message"), MISMATCH_MESSAGE_CASES)
def test_threshold_names_both_units_on_mismatch(cell: str, value: str, message: str) -> None:
    with pytest.raises(kpi.UnitMismatchError) as info:
        kpi.parse(cell).contains(value)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


# ---------------------------------------------------------------- counting words

COUNTING_WORDS = [
    *("次", "个", "件", "项", "人", "人次", "户", "家", "篇", "场", "座", "辆"),
    *("台", "套", "份", "期", "批", "所", "例", "起", "株", "只", "头", "单"),
    *("种", "粒", "棵", "张", "本", "册", "名", "位", "条", "处"),
]


@pytest.mark.parametrize("word", COUNTING_WORDS)
def test_counting_words_convert_with_factor_one_and_keep_their_word(word: str) -> None:
    threshold = kpi.parse(f"≥3{word}")
    assert threshold.unit is not None
    assert threshold.unit.word == word
    assert threshold.unit.dimension == "count"
    assert str(threshold) == f"[3{word}, +∞)"
    assert conversion_factor(threshold.unit.pint, unit("人").pint) == 1
    assert "3人" in threshold
    assert "2.9次" not in threshold
    assert kpi.parse("≥3人").contains(f"3{word}")


def test_counting_words_are_distinct_units_for_display() -> None:
    assert unit("次") != unit("人")
    assert unit("人次") != unit("人")
    assert unit("次").compatible(unit("人"))


def test_grading_counts_in_another_word() -> None:
    visits = kpi.Indicator("接待人数", ["≥100人", "≥80人", "≥60人", "<60人"])
    assert kpi.grade(visits, "85次") is kpi.Grade.良
    assert kpi.evaluate(visits, "100人次").reason == (
        "100人次 (= 100人) is in 优 [100人, +∞), the best tier that contains it "
        "(the worse tiers 良 and 中 contain all of 优 too)."
    )


# ---------------------------------------------------------------- run-time vocabulary

# value, grade against 优 ≥2kg / 良 ≥1.5kg / 中 ≥1kg / 差 <1kg, with 1斤 = 500 g
JIN_GRADE_CASES = [
    pytest.param("4斤", kpi.Grade.优, id="4-jin-is-2-kg"),
    pytest.param("3.99斤", kpi.Grade.良, id="3.99-jin"),
    pytest.param("3斤", kpi.Grade.良, id="3-jin-is-1.5-kg"),
    pytest.param("2.99斤", kpi.Grade.中, id="2.99-jin"),
    pytest.param("2斤", kpi.Grade.中, id="2-jin-is-1-kg"),
    pytest.param("1.99斤", kpi.Grade.差, id="1.99-jin"),
]


@pytest.mark.usefixtures("jin")
@pytest.mark.parametrize(("value", "expected"), JIN_GRADE_CASES)
def test_added_unit_grades_against_kg_tiers(value: str, expected: kpi.Grade) -> None:
    rations = kpi.Indicator("人均蔬菜", ["≥2kg", "≥1.5kg", "≥1kg", "<1kg"])
    assert kpi.grade(rations, value) is expected


@pytest.mark.usefixtures("jin")
def test_added_unit_is_read_in_cells() -> None:
    threshold = kpi.parse("≥3斤")
    assert str(threshold) == "[3斤, +∞)"
    assert threshold.unit is not None
    assert threshold.unit.word == "斤"
    assert threshold.unit.dimension == "mass"
    assert "1.5kg" in threshold
    assert "1.4999kg" not in threshold
    assert conversion_factor(threshold.unit.pint, unit("kg").pint) == Fraction(1, 2)


@pytest.mark.usefixtures("jin")
def test_added_unit_fixes_an_indicator_unit() -> None:
    grain = kpi.Indicator("人均口粮", ["≥3斤", "≥2斤", "≥1斤", "<1斤"])
    assert grain.unit is not None
    assert grain.unit.word == "斤"
    assert kpi.grade(grain, "1kg") is kpi.Grade.良
    assert kpi.grade(grain, 3) is kpi.Grade.优
    assert kpi.evaluate(grain, "1.5kg").reason == (
        "1.5公斤 (= 3斤) is in 优 [3斤, +∞), the best tier that contains it "
        "(the worse tiers 良 and 中 contain all of 优 too)."
    )


@pytest.mark.usefixtures("jin")
def test_added_unit_refuses_a_unit_of_another_dimension() -> None:
    with pytest.raises(kpi.UnitMismatchError) as info:
        kpi.parse("≥3斤").contains("3L")
    assert str(info.value) == (
        "value 3升 is in 升 (volume), which does not convert to 斤 (mass) of threshold '[3斤, +∞)'"
    )


@pytest.mark.usefixtures("restore_vocabulary")
def test_add_count_word() -> None:
    with pytest.raises(kpi.ThresholdSyntaxError) as info:
        kpi.parse("≥3枚")
    assert str(info.value) == (
        "cannot read threshold '≥3枚': unknown unit '枚' after a number at column 3 "
        "(add it with kpi.add_unit() or to grammar/vocabulary.toml)\n"
        "    ≥3枚\n"
        "      ^"
    )
    kpi.add_count_word("枚")
    threshold = kpi.parse("≥3枚")
    assert str(threshold) == "[3枚, +∞)"
    assert threshold.unit is not None
    assert threshold.unit.word == "枚"
    assert threshold.unit.dimension == "count"
    assert "3人" in threshold
    assert "2次" not in threshold
    assert kpi.parse("≥3次").contains("3枚")
    medals = kpi.Indicator("奖牌数", ["≥3枚", "2枚", "1枚", "0枚"])
    assert kpi.grade(medals, "2个") is kpi.Grade.良


# word, definition: no unit can be defined from these
BAD_DEFINITION_CASES = [
    pytest.param("坨", "500 * gram * [", id="syntax-error"),
    pytest.param("坩", "500 * nosuchunit", id="unknown-unit"),
    pytest.param("坫", "", id="empty"),
]


@pytest.mark.usefixtures("restore_vocabulary")
@pytest.mark.parametrize(("word", "definition"), BAD_DEFINITION_CASES)
def test_add_unit_refuses_a_bad_definition(word: str, definition: str) -> None:
    with pytest.raises(kpi.VocabularyError) as info:
        kpi.add_unit(word, definition, dimension="mass")
    assert repr(word) in str(info.value)  # the message names the word the user gave
    assert isinstance(info.value, kpi.KpiError)
    assert isinstance(info.value, ValueError)
