"""kpi's native rubric format (TOML and JSON): exact round trips, stable
bytes, atomic writes and whole error messages for malformed files."""

from __future__ import annotations

import json
import os
import stat
import sys
import tempfile
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import BreakDisk
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import kpi
from kpi import strategies as ks
from kpi.demo import seed_path
from kpi.diagnostics import Code, Diagnostic
from kpi.errors import MissingExtraError, RubricReadError
from kpi.grades import CompetenceGrade, Grade, QualificationGrade, make_scale
from kpi.indicator import Indicator
from kpi.location import Location
from kpi.read import read_rubric
from kpi.readers.native import RubricWriteError, read_native, write_rubric
from kpi.rubric import Entry, Rubric
from kpi.threshold import Threshold

ROOT = Path(__file__).resolve().parents[1]
SEED = seed_path()  # the bundled copy of ../shared/seeds/000_26cbd3258962cffd.txt
EXAMPLE = ROOT / "kpi" / "examples" / "wuji_2018.toml"
FORMATS = ["toml", "json"]


def round_trip(rubric: Rubric, folder: Path, fmt: str) -> Rubric:
    path = folder / f"rubric.{fmt}"
    write_rubric(rubric, path)
    return read_rubric(path)


def places(place: Location) -> tuple[Location, str]:
    """A location with the part equality leaves out (its row word)."""
    return place, str(place)


def assert_exact(got: Rubric, want: Rubric, file: str) -> None:
    """Equal, and equal in what equality leaves out: locations, cells, the
    cells' texts, diagnostics and the source."""
    assert got == want
    for mine, theirs in zip(got.entries, want.entries, strict=True):
        assert places(mine.location) == places(theirs.location)
        assert [places(c) for c in mine.cells] == [places(c) for c in theirs.cells]
        assert mine.indicator.unit == theirs.indicator.unit
        assert mine.indicator.gap is theirs.indicator.gap
        for (_, read), (_, written) in zip(
            mine.indicator.thresholds, theirs.indicator.thresholds, strict=True
        ):
            if written.text and kpi.parse(written.text) == written:
                assert read.text == written.text  # the cell as written is kept
    assert [(d, str(d)) for d in got.diagnostics] == [(d, str(d)) for d in want.diagnostics]
    assert got.source == (want.source or file)


# ------------------------------------------------------------------ the seed


@pytest.fixture(scope="module")
def seed_rubric() -> Rubric:
    if not SEED.exists():
        pytest.skip(f"the seed file {SEED} is absent (it lives in ../shared/seeds)")
    return read_rubric(SEED)


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_round_trip(seed_rubric: Rubric, tmp_path: Path, fmt: str) -> None:
    got = round_trip(seed_rubric, tmp_path, fmt)
    assert len(got) == 25
    assert_exact(got, seed_rubric, f"rubric.{fmt}")
    assert got.encoding == "utf-8"
    # the cells as the seed wrote them, not only what they mean
    assert [t.text for _, t in got["事项督查反馈率"].thresholds] == [
        "≥90%",
        "≥80%",
        "≥60%",
        "＜60%",
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_seed_file_is_stable(seed_rubric: Rubric, tmp_path: Path, fmt: str) -> None:
    first, second, third = (tmp_path / f"{n}.{fmt}" for n in "abc")
    write_rubric(seed_rubric, first)
    write_rubric(seed_rubric, second)
    write_rubric(read_rubric(first), third)
    assert first.read_bytes() == second.read_bytes() == third.read_bytes()


def test_seed_toml_and_json_hold_the_same_document(seed_rubric: Rubric, tmp_path: Path) -> None:
    write_rubric(seed_rubric, tmp_path / "r.toml")
    write_rubric(seed_rubric, tmp_path / "r.json")
    from_toml = tomllib.loads((tmp_path / "r.toml").read_text(encoding="utf-8"))
    from_json = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert from_toml == from_json
    first = from_json["indicator"][0]
    assert first["name"] == "事项督查反馈率"
    assert first["tiers"] == {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"}
    assert first["budget"] == "95.1"
    assert (first["row"], first["column"], first["row_word"]) == (118, "5", "line")
    assert "unit" not in first  # the tiers give it


# ------------------------------------------------------------------ generated

texts = st.text(max_size=12)
locations = st.builds(
    Location,
    file=texts,
    sheet=texts,
    row=st.none() | st.integers(1, 10**6),
    column=texts,
    row_word=st.sampled_from(["row", "line", "indicator"]),
)


@st.composite
def indicators(draw: st.DrawFn) -> Indicator:
    """Indicators of every scale, gap policy and way of getting a unit."""
    kind = draw(st.sampled_from(["numeric", "explicit-unit", "label", "renamed"]))
    scale = draw(st.sampled_from([Grade, CompetenceGrade, QualificationGrade]))
    gap = draw(st.sampled_from(list(kpi.GapPolicy)))
    if kind == "label":
        cells = draw(
            st.lists(
                ks.thresholds(labels=True, empty=True).filter(lambda t: not t.is_numeric),
                min_size=4,
                max_size=4,
            )
        )
        return Indicator(draw(texts), cells, scale=scale, gap=gap)
    unit = draw(st.none() | st.sampled_from(ks.unit_words()))
    base = draw(ks.indicators(unit=None if kind == "explicit-unit" else unit, scale=scale))
    tiers = dict(base.thresholds)
    name = base.name if kind == "numeric" else draw(texts)
    # explicit-unit: bare numbers in the tiers, the unit on its own (a 度量单位 column)
    given = unit if kind == "explicit-unit" else None
    try:
        return Indicator(name, tiers, scale=scale, unit=given, gap=gap)
    except kpi.KpiError:  # a drawn name whose trailing （unit） does not fit the tiers
        return Indicator(base.name, tiers, scale=scale, unit=given, gap=gap)


@st.composite
def scored(draw: st.DrawFn) -> Indicator:
    """An indicator of :func:`indicators`, perhaps with a weight and a single
    target (with a direction and a rule) as a single-target table gives."""
    base = draw(indicators())
    weight = draw(st.none() | st.decimals(min_value=0, max_value=1000, places=2))
    target = draw(st.none() | ks.thresholds(labels=True, empty=True))
    direction = draw(st.none() | st.sampled_from(["higher", "lower"]))
    rule = draw(st.none() | st.sampled_from(list(kpi.Rule)))
    unit = base.unit.word if base.unit else None
    cells = dict(base.thresholds)
    try:
        return Indicator(
            base.name,
            cells,
            target=target,
            weight=weight,
            direction=direction,
            rule=rule,
            scale=base.scale,
            unit=unit,
            gap=base.gap,
        )
    except kpi.KpiError:  # a target that does not fit the unit, the direction or the rule
        return Indicator(base.name, cells, weight=weight, scale=base.scale, unit=unit, gap=base.gap)


entries = st.builds(
    Entry,
    scored(),
    duty=texts,
    activity=texts,
    budget=st.none() | st.decimals(allow_nan=False, allow_infinity=False),
    description=texts,
    goal=texts,
    location=locations,
    cells=st.lists(locations, max_size=4).map(tuple),
)
diagnostics = st.builds(Diagnostic, st.sampled_from(list(Code)), texts, locations, texts)
rubrics = st.builds(
    Rubric,
    st.lists(entries, max_size=4).map(tuple),
    st.lists(diagnostics, max_size=3).map(tuple),
    texts,
)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rubric=rubrics)
def test_generated_round_trip(fmt: str, rubric: Rubric) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"r.{fmt}"
        write_rubric(rubric, path)
        data = path.read_bytes()
        got = read_rubric(path)
        assert_exact(got, rubric, path.name)
        write_rubric(rubric, path)
        assert path.read_bytes() == data
        assert os.listdir(folder) == [path.name]


@pytest.mark.parametrize("fmt", FORMATS)
def test_empty_rubric(tmp_path: Path, fmt: str) -> None:
    got = round_trip(Rubric(), tmp_path, fmt)
    assert got == Rubric()
    assert got.source == f"rubric.{fmt}"
    assert got.diagnostics == ()


def test_unit_is_stored_only_when_name_and_tiers_do_not_give_it(tmp_path: Path) -> None:
    rubric = Rubric(
        [
            Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"]),
            Indicator("系统全年累计故障时长（小时）", ["<48", "<96", "<192", "≥192"]),
            Indicator("会议保障", ["≥95", "≥90", "≥80", "<80"], unit="%"),
            Indicator("故障时长（小时）", ["<2天", "<4天", "<8天", "≥8天"]),
        ]
    )
    write_rubric(rubric, tmp_path / "r.json")
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert [i.get("unit") for i in document["indicator"]] == [None, None, "%", None]
    assert_exact(read_rubric(tmp_path / "r.json"), rubric, "r.json")


def test_a_cell_text_that_does_not_read_back_is_written_canonically(tmp_path: Path) -> None:
    odd = Threshold(kpi.parse("≥90%").intervals, kpi.parse("≥90%").unit, text="九成以上")
    rubric = Rubric([Indicator("x", [odd, "≥80%", "≥60%", "<60%"])])
    write_rubric(rubric, tmp_path / "r.json")
    document = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert document["indicator"][0]["tiers"]["优"] == "[90%, +∞)"
    assert read_rubric(tmp_path / "r.json") == rubric


# ------------------------------------------------------------------ writing


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    path = tmp_path / "rubric.toml"
    path.write_bytes(b"kpi_rubric = 1\nindicator = []\n")
    path.chmod(0o640)
    return path


SMALL = Rubric([Indicator("会议保障率", ["≥95%", "≥90%", "≥80%", "<80%"])])


@pytest.mark.parametrize("where", ["write", "fsync", "replace"])
def test_a_failed_write_leaves_the_old_file(
    old_file: Path, break_disk: BreakDisk, where: str
) -> None:
    break_disk(where, OSError(5, "Input/output error"))
    with pytest.raises(RubricWriteError) as caught:
        write_rubric(SMALL, old_file)
    assert str(caught.value) == f"cannot write rubric {str(old_file)!r}: Input/output error"
    assert old_file.read_bytes() == b"kpi_rubric = 1\nindicator = []\n"
    assert os.listdir(old_file.parent) == [old_file.name]


def test_an_interrupted_write_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupt(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    with pytest.raises(KeyboardInterrupt):
        write_rubric(SMALL, tmp_path / "new.json")
    assert os.listdir(tmp_path) == []


def test_a_write_keeps_the_mode_of_the_file_it_replaces(old_file: Path) -> None:
    write_rubric(SMALL, old_file)
    assert stat.S_IMODE(old_file.stat().st_mode) == 0o640
    assert read_rubric(old_file) == SMALL


def test_a_missing_folder(tmp_path: Path) -> None:
    path = tmp_path / "no" / "r.json"
    with pytest.raises(RubricWriteError) as caught:
        write_rubric(SMALL, path)
    assert str(caught.value) == f"cannot write rubric {str(path)!r}: No such file or directory"
    assert not (tmp_path / "no").exists()


def test_the_format_comes_from_the_suffix_or_format(tmp_path: Path) -> None:
    with pytest.raises(RubricWriteError) as caught:
        write_rubric(SMALL, tmp_path / "r.yaml")
    assert str(caught.value) == (
        f"cannot write rubric {str(tmp_path / 'r.yaml')!r}: cannot tell the format from its "
        "name; name it .toml or .json, or pass format='toml' or format='json'"
    )
    with pytest.raises(RubricWriteError) as caught:
        write_rubric(SMALL, tmp_path / "r.toml", format="yaml")
    assert str(caught.value) == (
        f"cannot write rubric {str(tmp_path / 'r.toml')!r}: unknown native format 'yaml'; "
        "expected 'toml' or 'json'"
    )
    write_rubric(SMALL, tmp_path / "r.txt", format="json")
    assert read_rubric(tmp_path / "r.txt", format="json") == SMALL
    assert os.listdir(tmp_path) == ["r.txt"]


Stars = make_scale("Stars", ["五星", "四星", "三星"], module=__name__)


def test_a_scale_kpi_cannot_read_back_is_refused(old_file: Path) -> None:
    rubric = Rubric([Indicator("好评率", ["≥90%", "≥80%", "<80%"], scale=Stars)])
    with pytest.raises(RubricWriteError) as caught:
        write_rubric(rubric, old_file)
    assert str(caught.value) == (
        "cannot write rubric: indicator 1 ('好评率') uses the scale Stars (五星/四星/三星), "
        "which kpi cannot read back; the native format knows Grade, CompetenceGrade, "
        "QualificationGrade"
    )
    assert old_file.read_bytes() == b"kpi_rubric = 1\nindicator = []\n"


def test_a_budget_that_is_not_a_number_is_refused(tmp_path: Path) -> None:
    rubric = Rubric([Entry(SMALL[0], budget=Decimal("NaN"))])
    with pytest.raises(RubricWriteError) as caught:
        write_rubric(rubric, tmp_path / "r.json")
    assert str(caught.value) == (
        "cannot write rubric: indicator 1 ('会议保障率') has the budget NaN, not a number"
    )
    assert os.listdir(tmp_path) == []


def test_toml_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "tomli_w", None)
    with pytest.raises(MissingExtraError) as caught:
        write_rubric(SMALL, tmp_path / "r.toml")
    assert str(caught.value) == (
        "writing .toml rubrics needs the tomli-w package: pip install 'kpi[toml]'"
    )
    assert os.listdir(tmp_path) == []
    write_rubric(SMALL, tmp_path / "r.json")  # JSON needs nothing
    assert read_rubric(tmp_path / "r.json") == SMALL


# ------------------------------------------------------------------ reading

TIERS = {"优": "≥95%", "良": "≥90%", "中": "≥80%", "差": "<80%"}
GOOD = {"name": "会议保障率", "tiers": TIERS}


def read_json(document: object, file: str = "r.json") -> Rubric:
    return read_native(json.dumps(document, ensure_ascii=False).encode(), file=file, format="json")


def test_a_hand_written_file_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "hand.toml"
    path.write_text(
        'kpi_rubric = 1\n\n[[indicator]]\nname = "会议保障率"\n'
        'tiers = { "优" = "≥95%", "良" = "≥90%", "中" = "≥80%", "差" = "<80%" }\n\n'
        '[[indicator]]\nname = "干部考核"\ntiers = { "优秀" = "优秀", "不称职" = "不称职" }\n',
        encoding="utf-8",
    )
    rubric = read_rubric(path)
    assert rubric == Rubric(
        [
            SMALL[0],
            Indicator("干部考核", {"优秀": "优秀", "不称职": "不称职"}, scale=CompetenceGrade),
        ]
    )
    assert rubric.source == "hand.toml"
    assert rubric[0].gap is kpi.GapPolicy.WORSE


def test_a_json_file_with_a_byte_order_mark() -> None:
    data = b"\xef\xbb\xbf" + json.dumps({"kpi_rubric": 1, "indicator": [GOOD]}).encode()
    rubric = read_native(data, file="r.json", format="json")
    assert rubric == SMALL
    assert rubric.encoding == "utf-8-sig"


def test_bad_cells_are_diagnostics() -> None:
    document = {
        "kpi_rubric": 1,
        "diagnostic": [{"code": "K101", "message": "a header row", "file": "s.csv", "row": 1}],
        "indicator": [
            GOOD,
            {**GOOD, "name": "网络系统升级", "tiers": {**TIERS, "良": "2019年"}},
            {**GOOD, "name": "会议次数", "target": "≥ 三次"},
            {**GOOD, "name": "混合", "tiers": {**TIERS, "差": "<80小时"}},
            {**GOOD, "name": "标签", "tiers": {**TIERS, "差": "未完成"}},
        ],
    }
    rubric = read_json(document)
    assert rubric == SMALL
    found = [(d.code, str(d.location), d.indicator) for d in rubric.diagnostics]
    assert found == [
        (Code.HEADER_ROW, "s.csv, row 1", ""),
        (Code.UNREADABLE_CELL, "r.json, indicator 2, column 良", "网络系统升级"),
        (Code.UNREADABLE_CELL, "r.json, indicator 3, column target", "会议次数"),
        (Code.INCOMPATIBLE_UNITS, "r.json, indicator 4", "混合"),
        (Code.BAD_ROW, "r.json, indicator 5", "标签"),
    ]
    bad = rubric.diagnostics[1]
    with pytest.raises(kpi.ThresholdSyntaxError) as caught:
        kpi.parse("2019年")
    reason = caught.value
    assert bad.message == str(
        kpi.ThresholdSyntaxError(
            "2019年", reason.reason, reason.column, "r.json, indicator 2, column 良", reason.hint
        )
    )


def _toml_error(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return str(caught.value)


@pytest.mark.parametrize(
    ("fmt", "data", "message"),
    [
        (
            "toml",
            b"kpi_rubric = 1\n[[indicator]\n",
            "not valid TOML: " + _toml_error("kpi_rubric = 1\n[[indicator]\n"),
        ),
        (
            "json",
            b'{"kpi_rubric": 1,}',
            "not valid JSON: Expecting property name enclosed in double quotes "
            "(at line 1, column 18)",
        ),
        (
            "json",
            b'{"kpi_rubric": 1, "kpi_rubric": 1}',
            "not valid JSON: the key 'kpi_rubric' appears twice in one object",
        ),
        (
            "json",
            b'{"kpi_rubric": 1, "indicator": [{"name": "x", "budget": NaN}]}',
            "not valid JSON: NaN is not a number",
        ),
        (
            "json",
            b'{"kpi_rubric": 1, "source": "\xb5\xa5"}',
            "a native rubric is UTF-8 text, but the byte b'\\xb5' at offset 29 is not UTF-8",
        ),
        ("json", b"[]", "the document: expected a table, found an array"),
        (
            "toml",
            b'source = "x"\n',
            "the document: it is not a kpi rubric: it has no 'kpi_rubric' field "
            "(kpi writes kpi_rubric = 1 at the top)",
        ),
        (
            "toml",
            b"kpi_rubric = 2\n",
            "field 'kpi_rubric': this kpi reads format version 1, found 2",
        ),
        (
            "toml",
            b'kpi_rubric = "1"\n',
            "field 'kpi_rubric': this kpi reads format version 1, found '1'",
        ),
        (
            "json",
            b'{"kpi_rubric": true}',
            "field 'kpi_rubric': this kpi reads format version 1, found True",
        ),
        (
            "toml",
            b"kpi_rubric = 1\nunit_of_budget = 1\n",
            "the document: unknown field 'unit_of_budget'; the fields here are kpi_rubric, "
            "source, indicator, diagnostic",
        ),
        (
            "toml",
            b"kpi_rubric = 1\nsource = 3\n",
            "the document, field 'source': expected a string, found an integer 3",
        ),
        (
            "toml",
            b'kpi_rubric = 1\nindicator = "x"\n',
            "the document, field 'indicator': expected an array of tables, found a string 'x'",
        ),
        (
            "toml",
            b"kpi_rubric = 1\nindicator = [1]\n",
            "indicator 1: expected a table, found an integer",
        ),
        (
            "toml",
            b"kpi_rubric = 1\n[[indicator]]\ntiers = {}\n",
            "indicator 1: the field 'name' is missing",
        ),
        (
            "toml",
            b"kpi_rubric = 1\n[[indicator]]\nname = 7\n",
            "indicator 1, field 'name': expected a string, found an integer 7",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\n',
            "indicator 1 ('x'), field 'tiers': expected a table of grade label to cell text "
            '(优 = "≥90%"), found nothing',
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\ntiers = ["a"]\n',
            "indicator 1 ('x'), field 'tiers': expected a table of grade label to cell text "
            "(优 = \"≥90%\"), found an array ['a']",
        ),
        (
            "toml",
            '[[indicator]]\nname = "x"\ntiers = { "优" = 90 }\n'.replace(
                "[[", "kpi_rubric = 1\n[[", 1
            ).encode(),
            "indicator 1 ('x'), field 'tiers.优': expected the cell's text, found an integer 90",
        ),
        (
            "toml",
            (
                'kpi_rubric = 1\n[[indicator]]\nname = "x"\nscale = "Grade"\n'
                'tiers = { "优秀" = "≥90%" }\n'
            ).encode(),
            "indicator 1 ('x'), field 'tiers.优秀': '优秀' is not a grade of the scale 优/良/中/差",
        ),
        (
            "toml",
            (
                'kpi_rubric = 1\n[[indicator]]\nname = "x"\n'
                'tiers = { "优" = "1", "EXCELLENT" = "2" }\n'
            ).encode(),
            "indicator 1 ('x'), field 'tiers.EXCELLENT': the grade 优 is given twice",
        ),
        (
            "toml",
            'kpi_rubric = 1\n[[indicator]]\nname = "x"\ntiers = { "优秀" = "1" }\n'.encode(),
            "indicator 1 ('x'), field 'tiers': cannot tell the scale from the labels 优秀; "
            "add scale = one of Grade, CompetenceGrade, QualificationGrade",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nscale = "Stars"\ntiers = {}\n',
            "indicator 1 ('x'), field 'scale': unknown scale 'Stars'; expected one of Grade, "
            "CompetenceGrade, QualificationGrade",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nunit = "furlong"\ntiers = {}\n',
            "indicator 1 ('x'), field 'unit': 'furlong' is not a unit kpi knows",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\ngap = "best"\ntiers = {}\n',
            "indicator 1 ('x'), field 'gap': expected one of worse, nearest, error, found 'best'",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nbudget = 95.1\ntiers = {}\n',
            "indicator 1 ('x'), field 'budget': expected a number written as a string such as "
            '"95.1", found 95.1',
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nbudget = "NaN"\ntiers = {}\n',
            "indicator 1 ('x'), field 'budget': expected a number written as a string such as "
            "\"95.1\", found 'NaN'",
        ),
        (
            "toml",
            'kpi_rubric = 1\n[[indicator]]\nname = "x"\nbudget = "九十五"\ntiers = {}\n'.encode(),
            "indicator 1 ('x'), field 'budget': expected a number written as a string such as "
            "\"95.1\", found '九十五'",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nduty = ["a"]\ntiers = {}\n',
            "indicator 1 ('x'), field 'duty': expected a string, found an array ['a']",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nrow = 0\ntiers = {}\n',
            "indicator 1 ('x'), field 'row': expected a row number from 1 up, found an integer 0",
        ),
        (
            "json",
            b'{"kpi_rubric": 1, "indicator": [{"name": "x", "row": 2.0, "tiers": {}}]}',
            "indicator 1 ('x'), field 'row': expected a row number from 1 up, found a float 2.0",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\ncells = [{ row = 1 }, 3]\ntiers = {}\n',
            "indicator 1 ('x'), field 'cells', item 2: expected a table, found an integer",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\ncells = [{ line = 1 }]\ntiers = {}\n',
            "indicator 1 ('x'), field 'cells', item 1: unknown field 'line'; the fields here are "
            "file, sheet, row, column, row_word",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\nitem = "y"\ntiers = {}\n',
            "indicator 1: unknown field 'item'; the fields here are name, scale, unit, gap, "
            "tiers, target, direction, rule, weight, duty, activity, budget, description, goal, "
            "file, sheet, row, column, row_word, cells",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[indicator]]\nname = "x"\ntarget = 95\ntiers = {}\n',
            "indicator 1 ('x'), field 'target': expected a string, found an integer 95",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[diagnostic]]\ncode = "K999"\n',
            "diagnostic 1, field 'code': 'K999' is not a code of kpi (K101 ... K211)",
        ),
        (
            "toml",
            b'kpi_rubric = 1\n[[diagnostic]]\ncode = "K101"\nseverity = "info"\n',
            "diagnostic 1: unknown field 'severity'; the fields here are code, message, "
            "indicator, file, sheet, row, column, row_word",
        ),
    ],
)
def test_malformed_files(fmt: str, data: bytes, message: str) -> None:
    with pytest.raises(RubricReadError) as caught:
        read_native(data, file=f"bad.{fmt}", format=fmt)
    assert str(caught.value) == f"cannot read rubric 'bad.{fmt}': {message}"


def test_an_unknown_native_format() -> None:
    with pytest.raises(RubricReadError) as caught:
        read_native(b"", file="r.yaml", format="yaml")
    assert str(caught.value) == (
        "cannot read rubric 'r.yaml': unknown native format 'yaml'; expected 'toml' or 'json'"
    )


def test_the_bundled_example_is_not_a_native_file() -> None:
    # kpi/examples/wuji_2018.toml predates the format: no kpi_rubric marker,
    # and the fields item, line, actual and unit_of_budget
    with pytest.raises(RubricReadError) as caught:
        read_rubric(EXAMPLE)
    assert str(caught.value) == (
        "cannot read rubric 'wuji_2018.toml': the document: it is not a kpi rubric: it has no "
        "'kpi_rubric' field (kpi writes kpi_rubric = 1 at the top)"
    )
