"""Hypothesis properties of kpi, drawn with the strategies of kpi.strategies.

* every threshold and every cell text reads back from its canonical form,
  and a generated cell means what the language says it means;
* grading is monotone on monotone indicators;
* at every edge, the grade follows the closedness of the tiers' bounds;
* the compiled fast path equals the definitional slow path;
* unit conversion commutes with grading; floats are read as their repr;
* kpi.parse raises nothing but ThresholdSyntaxError, and long cells are read
  in time proportional to their length;
* the interval set algebra agrees with pointwise membership.
"""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
import textwrap
from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import kpi
from kpi import strategies as ks
from kpi.exact import as_decimal, format_number
from kpi.grades import ScaleGrade
from kpi.interval import Interval, complement, difference, intersection, union
from kpi.parser import current_reader
from kpi.policy import Direction, GapPolicy, Tier, decide

SOME = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
MANY = settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])

MONOTONE = (Direction.HIGHER_IS_BETTER, Direction.LOWER_IS_BETTER)
GRADING = (GapPolicy.WORSE, GapPolicy.NEAREST)


def unit(word: str) -> kpi.Unit:
    found = current_reader().unit(word)
    assert found is not None, word
    return found


def text_of(x: Fraction) -> str:
    """*x* as a decimal numeral (the caller has checked that it is one)."""
    d = as_decimal(x)
    assert d is not None, x
    return format_number(d)


def is_decimal(x: Fraction) -> bool:
    return as_decimal(x) is not None


def tiers_of(ind: kpi.Indicator) -> list[Tier]:
    """The indicator's tiers, best first, in its unit."""
    return [ind.tier(g) for g in ind.scale]


def containing(ind: kpi.Indicator, x: Fraction) -> ScaleGrade | None:
    """The best tier whose own intervals contain *x*, by the intervals' closedness."""
    for tier in tiers_of(ind):
        if any(iv.contains(x) for iv in tier.intervals):
            return tier.grade
    return None


def worse(a: ScaleGrade | None, b: ScaleGrade | None) -> ScaleGrade | None:
    if a is None or b is None:
        return None
    return min(a, b)


def step(ind: kpi.Indicator, policy: GapPolicy) -> Fraction:
    """A step smaller than the distance between any two edges."""
    points = sorted({e.value for e in ind.edges(policy)})
    gaps = [b - a for a, b in itertools.pairwise(points)]
    return min(gaps, default=Fraction(3)) / 3


# ---------------------------------------------------------------- arbitrary indicators

_FAMILIES: tuple[tuple[str | None, ...], ...] = (
    (None,),
    ("%", "‰", "‱"),
    ("小时", "天", "分钟"),
    ("亩", "平方米", "公顷"),
)


@st.composite
def any_indicators(draw: st.DrawFn) -> kpi.Indicator:
    """Four arbitrary tiers (unions, overlaps, empties) over a small range of
    numbers, so that their ends often meet; units of one family, which
    converts exactly (亩 to 平方米 by 2000/3)."""
    family = draw(st.sampled_from(_FAMILIES))
    values = ks.numbers(min_value=-20, max_value=20, places=1)
    cells: list[kpi.Threshold] = []
    for _ in range(4):
        if draw(st.integers(0, 4)) == 0:
            cells.append(kpi.Threshold.empty())
            continue
        word = draw(st.sampled_from(family))
        parts = draw(st.lists(ks.intervals(values), min_size=1, max_size=3))
        cells.append(kpi.Threshold(union(parts), None if word is None else unit(word)))
    return kpi.Indicator("任意指标", cells)


def indicators_of_all_kinds() -> st.SearchStrategy[kpi.Indicator]:
    return st.one_of(ks.indicators(), ks.indicators(unit="%"), any_indicators())


# ---------------------------------------------------------------- reading


@MANY
@given(ks.thresholds(labels=True, empty=True))
def test_every_threshold_reads_back_from_its_canonical_form(t: kpi.Threshold) -> None:
    assert kpi.parse(str(t)) == t


@pytest.mark.parametrize(
    "t",
    [
        pytest.param(kpi.Threshold((Interval.everything(),)), id="everything"),
        pytest.param(
            kpi.Threshold((Interval.everything(),), unit("%")), id="everything-in-percent"
        ),
        pytest.param(kpi.Threshold((Interval.point(Decimal(2020)),), unit("年")), id="2020-years"),
        pytest.param(kpi.Threshold((Interval.at_least(Decimal("1900.1")),)), id="at-least-1900.1"),
        pytest.param(kpi.Threshold((Interval.point(Decimal("-1900.1")),)), id="point-minus-1900.1"),
        pytest.param(kpi.Threshold.of_label("圆满完成", "20分"), id="label-with-note"),
        pytest.param(kpi.Threshold.empty(), id="empty"),
    ],
)
def test_canonical_forms_of_edge_cases_read_back(t: kpi.Threshold) -> None:
    assert kpi.parse(str(t)) == t


@MANY
@given(ks.threshold_texts())
def test_every_generated_text_reads_back_from_its_canonical_form(text: str) -> None:
    t = kpi.parse(text)
    assert kpi.parse(str(t)) == t


@MANY
@given(ks.threshold_cases())
def test_a_generated_text_means_what_the_language_says(case: tuple[str, kpi.Threshold]) -> None:
    text, meaning = case
    assert kpi.parse(text) == meaning


@pytest.mark.parametrize(
    ("text", "meaning"),
    [
        pytest.param("≥1,234,<2,000", "[1234, 2000)", id="thousands-then-and-comma"),
        pytest.param("90(含)分以上", "[90分, +∞)", id="closed-mark-then-suffix"),
        pytest.param("60%以下(不含)", "(-∞, 60%)", id="suffix-then-open-mark"),
        pytest.param("0-10%(含)", "(0%, 10%]", id="range-one-end-closed"),
        pytest.param("-1900.1", "[-1900.1, -1900.1]", id="negative-1900.1"),
        pytest.param("≥12019.5", "[12019.5, +∞)", id="at-least-12019.5"),
    ],
)
def test_numbers_that_look_like_other_things_mean_what_they_say(text: str, meaning: str) -> None:
    assert str(kpi.parse(text)) == meaning


# ---------------------------------------------------------------- grading


@pytest.mark.parametrize("policy", GRADING, ids=str)
@pytest.mark.parametrize("direction", MONOTONE, ids=str)
@SOME
@given(data=st.data())
def test_grading_is_monotone_on_monotone_indicators(
    direction: Direction, policy: GapPolicy, data: st.DataObject
) -> None:
    ind = data.draw(ks.indicators(direction=direction), label="indicator")
    assert ind.direction is direction
    xs = sorted(data.draw(st.lists(ks.values_at_edges(ind, policy), min_size=2, max_size=6)))
    grades = [kpi.grade(ind, x, gap=policy) for x in xs]
    if direction is Direction.LOWER_IS_BETTER:
        grades.reverse()
    assert grades == sorted(grades), list(zip(xs, grades, strict=True))


@pytest.mark.parametrize("policy", GRADING, ids=str)
@SOME
@given(ind=indicators_of_all_kinds())
def test_at_every_edge_the_grade_follows_the_closedness_of_the_bounds(
    ind: kpi.Indicator, policy: GapPolicy
) -> None:
    if not ind.is_gradable:
        return
    eps = step(ind, policy)
    for edge in ind.edges(policy):
        p = edge.value
        below = kpi.grade(ind, p - eps, gap=policy)
        at = kpi.grade(ind, p, gap=policy)
        above = kpi.grade(ind, p + eps, gap=policy)
        assert (edge.below, edge.at, edge.above) == (below, at, above), str(edge)
        tier = containing(ind, p)
        if tier is not None:
            # p lies in a tier by its own (含)/(不含): the best such tier wins
            assert at is tier, str(edge)
        else:
            # every bound at p is open: p is in a gap, graded like its sides
            assert at is worse(below, above), str(edge)


@SOME
@given(ind=indicators_of_all_kinds())
def test_under_gap_error_exactly_the_values_in_no_tier_raise(ind: kpi.Indicator) -> None:
    if not ind.is_gradable:
        return
    eps = step(ind, GapPolicy.ERROR)
    for edge in ind.edges(GapPolicy.ERROR):
        for x, grade in ((edge.value - eps, edge.below), (edge.value, edge.at)):
            tier = containing(ind, x)
            assert grade is tier, str(edge)
            if tier is None:
                with pytest.raises(kpi.GapError):
                    kpi.grade(ind, x, gap=GapPolicy.ERROR)
            else:
                assert kpi.grade(ind, x, gap=GapPolicy.ERROR) is tier


@SOME
@given(data=st.data())
def test_the_compiled_fast_path_equals_the_definitional_slow_path(data: st.DataObject) -> None:
    ind = data.draw(indicators_of_all_kinds(), label="indicator")
    policy = data.draw(st.sampled_from(list(GapPolicy)), label="policy")
    xs = data.draw(st.lists(ks.values_at_edges(ind, policy), min_size=1, max_size=8))
    tiers = tiers_of(ind)
    for x in xs:
        slow = decide(x, tiers, ind.direction, ind.scale.worst(), policy)
        assert ind.decision(x, policy) == slow, x
        if not ind.is_gradable:
            continue
        if slow.grade is None:
            with pytest.raises(kpi.GapError):
                kpi.grade(ind, x, gap=policy)
        else:
            assert kpi.grade(ind, x, gap=policy) is slow.grade


# ---------------------------------------------------------------- units and values

# how many of each unit make one percent
_PER_PERCENT = {"%": Fraction(1), "‰": Fraction(10), "‱": Fraction(100)}


@SOME
@given(data=st.data())
def test_grading_commutes_with_percent_permille_and_permyriad(data: st.DataObject) -> None:
    word = data.draw(st.sampled_from(sorted(_PER_PERCENT)), label="indicator unit")
    ind = data.draw(ks.indicators(unit=word), label="indicator")
    x = data.draw(ks.values_at_edges(ind), label="value")
    assume(is_decimal(x))
    expected = kpi.grade(ind, x)
    assert kpi.grade(ind, text_of(x)) is expected  # a bare number: the indicator's unit
    for other, per in _PER_PERCENT.items():
        value = text_of(x * per / _PER_PERCENT[word]) + other
        assert kpi.grade(ind, value) is expected, value


@SOME
@given(data=st.data())
def test_grading_commutes_with_hours_days_and_minutes(data: st.DataObject) -> None:
    cuts = ks.numbers(min_value=0, max_value=400, places=2).map(lambda d: d * 24)
    ind = data.draw(ks.indicators(unit="小时", cuts=cuts), label="indicator")
    x = data.draw(ks.values_at_edges(ind), label="hours")
    assume(is_decimal(x) and is_decimal(x / 24))
    expected = kpi.grade(ind, x)
    assert kpi.grade(ind, text_of(x)) is expected
    assert kpi.grade(ind, text_of(x) + "小时") is expected
    assert kpi.grade(ind, text_of(x / 24) + "天") is expected
    assert kpi.grade(ind, text_of(x * 60) + "分钟") is expected


def test_a_float_is_its_shortest_repr_example() -> None:
    ind = kpi.Indicator("比率", ["≥0.3", "≥0.2", "≥0.1", "<0.1"])
    assert kpi.grade(ind, 0.3) is kpi.grade(ind, "0.3") is kpi.Grade.优
    assert kpi.grade(ind, 0.1 + 0.2) is kpi.grade(ind, repr(0.1 + 0.2))


@SOME
@given(data=st.data())
def test_a_float_at_an_edge_is_read_as_its_shortest_repr(data: st.DataObject) -> None:
    ind = data.draw(ks.indicators(unit="%"), label="indicator")
    x = data.draw(ks.values_at_edges(ind), label="value")
    d = as_decimal(x)
    assume(d is not None and Decimal(repr(float(d))) == d)
    assert kpi.grade(ind, float(d)) is kpi.grade(ind, format_number(d)) is kpi.grade(ind, x)


@SOME
@given(ind=ks.indicators(), f=st.floats(-1e7, 1e7, allow_nan=False, allow_infinity=False))
def test_any_float_is_read_as_its_shortest_repr(ind: kpi.Indicator, f: float) -> None:
    shortest = format_number(Decimal(repr(f)))
    assert kpi.grade(ind, f) is kpi.grade(ind, shortest)


# ---------------------------------------------------------------- refusing


def _vocabulary_words() -> list[str]:
    v = current_reader().vocabulary
    return sorted(
        {
            *v.all_words(),
            *v.empty_markers,
            *v.infinity_positive,
            *v.infinity_negative,
            *v.fold,
            "[",
            "]",
            "(",
            ")",
            "（",
            "）",
            "，",
            "％",
            "＞",
            "≥",
            "∞",
            "2023年",
            "前20%",
            "比上年",
            "月底",
            "(含)",
        }
    )


_JUNK = st.characters(
    codec="utf-8",
    categories=("L", "N", "P", "S", "Z", "Cc", "Cf", "M"),
)
_NUMERALS = st.from_regex(r"[+\-−]?[0-9０-９]{1,4}([.,．，][0-9]{0,4})?", fullmatch=True)
_WIDE = st.characters(min_codepoint=0xFF01, max_codepoint=0xFF5E)
_CJK = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_CONTROL = st.characters(categories=("Cc", "Cf", "Zs", "Zl", "Zp"))

ARBITRARY_TEXT = st.one_of(
    st.text(max_size=30),
    st.text(st.one_of(_CJK, _WIDE, _CONTROL, st.sampled_from("0123456789%-~.,")), max_size=16),
    st.lists(
        st.one_of(st.sampled_from(_vocabulary_words()), _NUMERALS, _JUNK),
        max_size=10,
    ).map("".join),
)


@MANY
@given(ARBITRARY_TEXT)
def test_parse_raises_only_threshold_syntax_error(text: str) -> None:
    try:
        t = kpi.parse(text)
    except kpi.ThresholdSyntaxError as exc:
        error = exc
    else:
        assert isinstance(t, kpi.Threshold)
        assert kpi.parse(str(t)) == t  # and what is read reads back
        return
    assert error.text == text
    assert 1 <= error.column <= len(text) + 1


# ---------------------------------------------------------------- long cells


def _repeat(unit: str, n: int, head: str = "", tail: str = "") -> str:
    k = max(1, (n - len(head) - len(tail)) // len(unit))
    return head + unit * k + tail


def _union(n: int) -> str:
    parts: list[str] = []
    i = 0
    while sum(map(len, parts)) + 3 * len(parts) < n:
        parts.append(f"[{2 * i}, {2 * i + 1}]")
        i += 1
    return " | ".join(parts)


def _conjunction(n: int) -> str:
    parts: list[str] = []
    i = 0
    while sum(map(len, parts)) + len(parts) < n:
        parts.append(f"≥{i % 90}%")
        i += 1
    return "且".join(parts)


# name -> (text of about n characters, whether kpi reads it)
SHAPES: dict[str, tuple[Callable[[int], str], bool]] = {
    "union of intervals": (_union, True),
    "conjunction of comparisons": (_conjunction, True),
    "long number": (lambda n: _repeat("9", n, "≥", "%"), True),
    "spaces between tokens": (lambda n: _repeat(" ", n, "≥", "95%"), True),
    "plain label": (lambda n: _repeat("圆满完成", n), True),
    "label with a note": (lambda n: _repeat("2", n, "优秀(", "分)"), True),
    "label of unit words": (lambda n: _repeat("个月", n, "", "好"), True),
    "digits then junk": (lambda n: _repeat("9", n, "≥", "x5%"), False),
    "dangling conjunction": (lambda n: _repeat("≥1%且", n, "", "≥"), False),
    "open brackets": (lambda n: _repeat("[", n, "", "1"), False),
    "unknown word": (lambda n: _repeat("斤", n, "5"), False),
    "comparators and units without a number": (lambda n: _repeat("%", n, "≥", "x"), False),
}

_CHILD = textwrap.dedent(
    """
    import json, sys, time
    import kpi

    for text in json.loads(sys.argv[1]):
        best, accepted = float("inf"), None
        for i in range(3):
            cell = " " * i + text  # a new text each time: the cache is no help
            start = time.perf_counter()
            try:
                kpi.parse(cell)
                accepted = True
            except kpi.ThresholdSyntaxError:
                accepted = False
            best = min(best, time.perf_counter() - start)
        print(json.dumps([best, accepted]), flush=True)
    """
)


def _measure(texts: Sequence[str], timeout: float) -> list[tuple[float, bool]]:
    """Time kpi.parse on each text in a fresh interpreter (so that a parse that
    never ends can be stopped): the best of three runs each, and whether the
    text was accepted."""
    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, json.dumps(list(texts))],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    timed_out = False
    try:
        out, err = child.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        timed_out = True
        child.kill()
        out, err = child.communicate()
    results = [(float(t), bool(ok)) for t, ok in map(json.loads, out.splitlines())]
    if timed_out:
        size = len(texts[len(results)])
        pytest.fail(f"parsing a text of {size:,} characters did not end within {timeout} s")
    assert child.returncode == 0, err
    return results


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_a_long_cell_is_read_in_time_proportional_to_its_length(shape: str) -> None:
    build, readable = SHAPES[shape]
    short, long_ = build(1_000), build(10_000)
    assert 900 <= len(short) <= 1_100
    assert 9_900 <= len(long_) <= 10_100
    (t_short, ok_short), (t_long, ok_long) = _measure([short, long_], timeout=6)
    assert ok_short is ok_long is readable
    # linear reading gives a ratio near 10; allow for noise, never an absolute time
    assert t_long <= 30 * t_short, f"{t_long:.4f} s for 10,000 chars, {t_short:.4f} s for 1,000"


# ---------------------------------------------------------------- set algebra

SETS = st.lists(
    ks.intervals(ks.numbers(min_value=-10, max_value=10, places=1), fractions=True), max_size=4
)


def members(s: Sequence[Interval], x: Fraction) -> bool:
    return any(iv.contains(x) for iv in s)


def probes(*sets: Sequence[Interval]) -> list[Fraction]:
    """Every end of every interval, and points between and beyond them."""
    ends = sorted(
        {Fraction(v) for s in sets for iv in s for v in (iv.lower, iv.upper) if v is not None}
    )
    if not ends:
        return [Fraction(0)]
    mids = [(a + b) / 2 for a, b in itertools.pairwise(ends)]
    return [ends[0] - 1, *ends, *mids, ends[-1] + 1]


def canonical(s: Sequence[Interval]) -> bool:
    """Non-empty, ascending, disjoint and not touching: the form union() gives."""
    return all(not iv.is_empty for iv in s) and union(s) == tuple(s)


@MANY
@given(SETS, SETS)
def test_set_algebra_agrees_with_membership(a_raw: list[Interval], b_raw: list[Interval]) -> None:
    a, b = union(a_raw), union(b_raw)
    either = union([*a_raw, *b_raw])
    both = intersection(a, b)
    not_a = complement(a)
    a_not_b = difference(a, b)
    for result in (a, b, either, both, not_a, a_not_b):
        assert canonical(result), result
    for x in probes(a_raw, b_raw):
        assert members(a, x) == members(a_raw, x)
        assert members(either, x) == (members(a, x) or members(b, x)), x
        assert members(both, x) == (members(a, x) and members(b, x)), x
        assert members(not_a, x) == (not members(a, x)), x
        assert members(a_not_b, x) == (members(a, x) and not members(b, x)), x


# ---------------------------------------------------------------- the extra


def test_strategies_without_hypothesis_name_the_extra() -> None:
    code = textwrap.dedent(
        """
        import sys
        sys.modules["hypothesis"] = None
        try:
            import kpi.strategies
        except ImportError as exc:
            import kpi
            assert isinstance(exc, kpi.MissingExtraError), type(exc)
            print(exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == ("kpi.strategies needs hypothesis: pip install 'kpi[strategies]'")
