"""``kpi lint RUBRIC``: the findings, a summary line and the exit status."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpi.cli import main
from kpi.demo import seed_path

CLEAN = '绩效指标,优,良,中,差\n会议保障率,≥95%,"[90%,95%)","[80%,90%)",＜80%\n'


def test_the_seed_has_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lint", str(seed_path())]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == (
        "wuji_2018.txt, line 130, column 7: K203 gap [warning] 组织对外联络（次）: values in "
        "(2次, 3次) are in no tier; gap policy 'worse' grades them 良, the worse of 良 and 优; "
        "no whole number lies in it, so it matters only if 组织对外联络（次） can take fractional "
        "values; to close the gap write 良 as [2次, 3次)"
    )
    assert out[-1] == "25 indicators; 1 error, 29 warnings, 0 infos"
    assert any("K201 no-thresholds [error] 承办大型会议次数" in line for line in out)


def test_a_clean_rubric_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["lint", str(path)]) == 0
    assert capsys.readouterr().out == "1 indicators; 0 errors, 0 warnings, 0 infos\n"


def test_all_adds_the_notes_of_reading(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "clean.csv"
    path.write_text(CLEAN, encoding="utf-8")
    assert main(["lint", "--all", str(path)]) == 0
    assert capsys.readouterr().out == (
        "clean.csv, row 1: K101 header-row [info] a header row\n"
        "1 indicators; 0 errors, 0 warnings, 1 info\n"
    )


def test_a_file_that_cannot_be_read_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    assert main(["lint", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == f"cannot read rubric {str(missing)!r}: No such file or directory\n"
