"""The built wheel, the grammar files inside it, and the ``python -m kpi`` commands.

The wheel is built once per session from this checkout. Its import test runs
in a separate Python whose ``sys.path`` holds the unzipped wheel and not the
checkout, so it proves that the installed package finds ``kpi/_grammar``.
"""

from __future__ import annotations

import configparser
import importlib.util
import json
import os
import subprocess
import sys
import textwrap
import tomllib
import zipfile
from pathlib import Path
from typing import Any

import pytest

import kpi
import kpi.resources

# What `kpi parse "≥95%"` prints: the canonical form, then each part.
PARSED = (
    "[95%, +∞)\n"
    "  ≥: a comparator: at least the number, which is included\n"
    "  95: a number\n"
    "  %: a unit, % (ratio)\n"
)

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
VERSION: str = PYPROJECT["project"]["version"]
DIST_INFO = f"kpi-{VERSION}.dist-info"
GRAMMAR_FILES = ("threshold.ebnf", "vocabulary.toml", "units.txt", "cases.toml")
EXAMPLE = "kpi/examples/wuji_2018.toml"
TIMEOUT = 300

_PARSE_ERROR = (
    "cannot read threshold '≥9x5%': expected a unit or the end of the text at column 3\n"
    "    ≥9x5%\n"
    "      ^\n"
)


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONIOENCODING="utf-8", PYTHONUTF8="1", NO_COLOR="1")
    env.update(extra)
    return env


def _run(
    args: list[str], *, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, *args],
        cwd=cwd,
        env=env if env is not None else _env(),
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )


def _shown(result: subprocess.CompletedProcess[str]) -> str:
    return (
        f"exit status {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )


# ------------------------------------------------------------------ the wheel


@pytest.fixture(scope="session")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel built from this checkout (once per session)."""
    missing = [m for m in ("build", "hatchling") if importlib.util.find_spec(m) is None]
    if missing:
        pytest.fail(
            f"cannot build the wheel without isolation: {', '.join(missing)} not installed "
            "in this environment"
        )
    out = tmp_path_factory.mktemp("wheel")
    result = _run(
        ["-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=REPO,
    )
    assert result.returncode == 0, _shown(result)
    wheels = sorted(out.glob("*.whl"))
    assert [w.name for w in wheels] == [f"kpi-{VERSION}-py3-none-any.whl"], _shown(result)
    return wheels[0]


@pytest.fixture(scope="session")
def wheel_names(wheel: Path) -> list[str]:
    with zipfile.ZipFile(wheel) as archive:
        return archive.namelist()


@pytest.fixture(scope="session")
def unzipped(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The wheel's contents, as pip would put them into site-packages."""
    target = tmp_path_factory.mktemp("site")
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(target)
    return target


def test_wheel_holds_only_kpi(wheel_names: list[str]) -> None:
    top = {name.split("/", 1)[0] for name in wheel_names}
    assert top == {"kpi", DIST_INFO}


def test_wheel_holds_no_compiled_or_stray_files(wheel_names: list[str]) -> None:
    stray = [
        n for n in wheel_names if "__pycache__" in n or n.endswith((".pyc", ".pth")) or "/.git" in n
    ]
    assert stray == []


def _required_files() -> list[str]:
    files = [f"kpi/_grammar/{name}" for name in GRAMMAR_FILES]
    files.append(EXAMPLE)
    if (REPO / "kpi" / "py.typed").exists():
        files.append("kpi/py.typed")
    return files


@pytest.mark.parametrize("name", _required_files())
def test_wheel_contains(wheel_names: list[str], name: str) -> None:
    assert name in wheel_names


def test_wheel_contains_every_module_and_grammar_file(wheel_names: list[str]) -> None:
    expected = {p.relative_to(REPO).as_posix() for p in (REPO / "kpi").rglob("*.py")}
    expected |= {
        f"kpi/_grammar/{p.relative_to(REPO / 'grammar').as_posix()}"
        for p in (REPO / "grammar").rglob("*")
        if p.is_file()
    }
    assert expected - set(wheel_names) == set()


def test_wheel_grammar_is_the_checkout_grammar(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        for path in sorted((REPO / "grammar").rglob("*")):
            if path.is_file():
                name = f"kpi/_grammar/{path.relative_to(REPO / 'grammar').as_posix()}"
                assert archive.read(name) == path.read_bytes(), name


def test_wheel_metadata_and_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"{DIST_INFO}/METADATA").decode("utf-8")
        entry_points = archive.read(f"{DIST_INFO}/entry_points.txt").decode("utf-8")
    assert "Name: kpi\n" in metadata
    assert f"Version: {VERSION}\n" in metadata
    parser = configparser.ConfigParser()
    parser.read_string(entry_points)
    assert dict(parser["console_scripts"]) == {"kpi": "kpi.cli:main"}


_WHEEL_PROBE = textwrap.dedent(
    """
    import contextlib, io, json, sys
    from pathlib import Path

    checkout = Path(sys.argv[1]).resolve()
    # An editable install puts the checkout on sys.path; take it away.
    sys.path[:] = [p for p in sys.path if p and Path(p).resolve() != checkout]

    import kpi
    import kpi.resources
    from kpi.cli import main
    from kpi.demo import run_demo

    root = kpi.resources.grammar_root()
    rate = kpi.Indicator(
        "事项督查反馈率", {"优": "≥90%", "良": "≥80%", "中": "≥60%", "差": "＜60%"}
    )
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["parse", "≥95%"])
    report = run_demo()
    print(json.dumps({
        "kpi_file": kpi.__file__,
        "module_files": sorted(
            m.__file__ for n, m in sys.modules.items()
            if (n == "kpi" or n.startswith("kpi.")) and getattr(m, "__file__", None)
        ),
        "grammar_root": str(root),
        "grammar_files": sorted(p.name for p in root.iterdir()),
        "parse": str(kpi.parse("≥95%")),
        "grade": str(kpi.grade(rate, "85%")),
        "cli_status": status,
        "cli_out": out.getvalue(),
        "demo_rows": len(report.rows),
        "demo_graded": sum(r.ok for r in report.rows),
        "demo_grade": str(report.only.grade),
    }))
    """
)


@pytest.fixture(scope="session")
def from_wheel(unzipped: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """What a Python that imports kpi from the unzipped wheel reports."""
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    result = _run(
        ["-c", _WHEEL_PROBE, str(REPO)],
        cwd=elsewhere,
        env=_env(PYTHONPATH=str(unzipped)),
    )
    assert result.returncode == 0, _shown(result)
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def test_installed_wheel_imports_kpi_from_the_wheel(
    from_wheel: dict[str, Any], unzipped: Path
) -> None:
    assert Path(from_wheel["kpi_file"]).resolve() == (unzipped / "kpi" / "__init__.py").resolve()
    outside = [
        f for f in from_wheel["module_files"] if not Path(f).resolve().is_relative_to(unzipped)
    ]
    assert outside == []


def test_installed_wheel_finds_the_packaged_grammar(
    from_wheel: dict[str, Any], unzipped: Path
) -> None:
    assert Path(from_wheel["grammar_root"]).resolve() == (unzipped / "kpi" / "_grammar").resolve()


@pytest.mark.parametrize("name", GRAMMAR_FILES)
def test_installed_wheel_grammar_file(from_wheel: dict[str, Any], name: str) -> None:
    assert name in from_wheel["grammar_files"]


def test_installed_wheel_parses_grades_and_runs_the_demo(from_wheel: dict[str, Any]) -> None:
    assert from_wheel["parse"] == "[95%, +∞)"
    assert from_wheel["grade"] == "良"
    assert from_wheel["cli_status"] == 0
    assert from_wheel["cli_out"] == PARSED
    assert from_wheel["demo_rows"] > 0
    assert from_wheel["demo_graded"] == from_wheel["demo_rows"] - 1  # 承办大型会议次数
    assert from_wheel["demo_grade"] == "良"


# ------------------------------------------------------------------ the checkout


def _imported_from_checkout() -> bool:
    return Path(kpi.__file__).resolve().is_relative_to(REPO)


def test_checkout_grammar_root_is_the_repository_grammar() -> None:
    if not _imported_from_checkout():
        pytest.skip(f"kpi is imported from {kpi.__file__}, not from the checkout")
    assert not (REPO / "kpi" / "_grammar").exists()
    assert Path(str(kpi.resources.grammar_root())).resolve() == (REPO / "grammar").resolve()


def test_editable_install_finds_the_repository_grammar(tmp_path: Path) -> None:
    probe = "import kpi, kpi.resources; print(kpi.__file__); print(kpi.resources.grammar_root())"
    env = _env()
    env.pop("PYTHONPATH", None)
    result = _run(["-c", probe], cwd=tmp_path, env=env)
    if result.returncode != 0 or not Path(result.stdout.split("\n")[0]).is_relative_to(REPO):
        pytest.skip(f"kpi is not installed in editable mode here:\n{_shown(result)}")
    file, root = result.stdout.splitlines()
    assert Path(file).resolve() == (REPO / "kpi" / "__init__.py").resolve()
    assert Path(root).resolve() == (REPO / "grammar").resolve()


# ------------------------------------------------------------------ the commands


def test_python_m_kpi_parse() -> None:
    result = _run(["-m", "kpi", "parse", "≥95%"], cwd=REPO)
    assert (result.returncode, result.stdout, result.stderr) == (0, PARSED, ""), _shown(result)


def test_python_m_kpi_parse_full_width() -> None:
    result = _run(["-m", "kpi", "parse", "80%（含）－90%"], cwd=REPO)
    assert (result.returncode, result.stdout.splitlines()[0], result.stderr) == (
        0,
        "[80%, 90%)",
        "",
    ), _shown(result)
    assert "  (含): the bound next to it is included" in result.stdout


def test_python_m_kpi_parse_refuses_with_the_error_on_stderr() -> None:
    result = _run(["-m", "kpi", "parse", "≥9x5%"], cwd=REPO)
    assert (result.returncode, result.stdout, result.stderr) == (1, "", _PARSE_ERROR), _shown(
        result
    )


def test_python_m_kpi_demo(tmp_path: Path) -> None:
    result = _run(["-m", "kpi", "demo"], cwd=tmp_path)
    assert result.returncode == 0, _shown(result)
    assert result.stderr == ""
    out = result.stdout
    example = tomllib.loads((REPO / EXAMPLE).read_text(encoding="utf-8"))["indicator"]
    for entry in example:
        assert entry["name"][:6] in out, entry["name"]
    assert "Total 81.6 of 100: 良" in out
    assert "承办大型会议次数" in out
    report = tmp_path / "kpi-demo-report.html"
    assert f"Wrote the report to {report}" in out.replace("\n", "")
    assert report.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_kpi_console_script() -> None:
    script = Path(sys.executable).parent / ("kpi.exe" if os.name == "nt" else "kpi")
    if not script.exists():
        pytest.skip(f"no kpi script next to {sys.executable}")
    result = subprocess.run(
        [str(script), "parse", "≥95%"],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        encoding="utf-8",
        timeout=TIMEOUT,
        check=False,
    )
    assert (result.returncode, result.stdout, result.stderr) == (0, PARSED, ""), _shown(result)
