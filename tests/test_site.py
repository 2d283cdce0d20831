"""The documentation site builds, strictly, with everything it promises.

The site is built once, with ``python -m mkdocs build --strict`` in a
subprocess: the build imports mkdocs, its plugins, jieba and griffe, whose
warnings are theirs to fix, not this suite's (pytest turns every warning into
an error); a subprocess also keeps jieba's global dictionary out of the tests.
Strict mode makes every warning of the build (a broken link or anchor, a
stale generated block, a docstring mkdocstrings cannot read) fail it.
"""

from __future__ import annotations

import argparse
import html
import json
import os
import re
import subprocess
import sys
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import kpi
from kpi.demo import EXPECTED_FAILURES, run_demo

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

pytestmark = pytest.mark.slow


class Build:
    """A built site and what the build printed."""

    def __init__(self, site: Path, result: subprocess.CompletedProcess[str]) -> None:
        self.site = site
        self.result = result

    def read(self, path: str) -> str:
        return (self.site / path).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONWARNINGS": "default"}
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    return Build(site, result)


def nav_pages() -> list[str]:
    """The Markdown files named in the nav of mkdocs.yml, in order."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = text.split("\nnav:\n", 1)[1].split("\n\n", 1)[0]
    return re.findall(r":\s*([\w.-]+\.md)\s*$", nav, flags=re.MULTILINE)


def test_the_build_succeeds_without_warnings(build: Build) -> None:
    log = build.result.stdout + build.result.stderr
    assert build.result.returncode == 0, log
    assert re.findall(r"^(?:WARNING|ERROR).*$", log, flags=re.MULTILINE) == []
    assert "Documentation built in" in log


def test_every_page_is_in_the_nav_and_rendered(build: Build) -> None:
    pages = nav_pages()
    assert sorted(pages) == sorted(p.name for p in DOCS.glob("*.md"))
    index = build.read("index.html")
    for page in pages:
        name = page.removesuffix(".md") + ".html"
        rendered = build.read(name)
        heading = re.search(r"^# (.+)$", (DOCS / page).read_text(encoding="utf-8"), re.MULTILINE)
        assert heading is not None, page
        assert re.search(r"<h1[^>]*>" + re.escape(html.escape(heading[1], quote=False)), rendered)
        assert f'href="{name}"' in index, f"the nav of index.html does not link {name}"


def test_the_cli_page_has_the_help_of_every_command(build: Build) -> None:
    from kpi.cli import build_parser

    page = build.read("cli.html")
    parser = build_parser()
    commands = next(
        action.choices
        for action in parser._actions
        if isinstance(action, argparse._SubParsersAction)
    )
    assert set(commands) == {"grade", "demo", "parse", "lint"}
    for name in commands:
        assert f"$ kpi {name} --help" in html.unescape(re.sub(r"<[^>]+>", "", page))


def test_the_api_page_documents_every_exported_name(build: Build) -> None:
    page = build.read("api.html")
    documented = set(re.findall(r'id="kpi\.(\w+)"', page))
    assert set(kpi.__all__) <= documented
    # docstrings are Markdown by then: doctests are code, reST roles are gone
    assert "&gt;&gt;&gt;" in page
    assert "<blockquote>\n<blockquote>" not in page
    assert not re.search(r":(?:func|class|meth|data|attr|mod|exc):", page)


def test_the_changelog_page_is_the_changelog(build: Build) -> None:
    page = html.unescape(re.sub(r"<[^>]+>", "", build.read("changelog.html")))
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^##+ (.+)$", changelog, flags=re.MULTILINE)
    assert headings
    for heading in headings:
        assert heading.strip("[]").replace("[", "").replace("]", "") in page


RULE = re.compile(r"^([a-z_]+)\s*=", re.MULTILINE)
# The rules of the EBNF that the pyparsing grammar names otherwise: a
# conjunction node is "all", the lexical rules are single terminals.
DRAWN_AS = {
    "conjunction": "all",
    "unit": "a unit",
    "number": "a number",
    "plain_number": "a number",
}
INSIDE_A_TERMINAL = {"sign", "digits", "digit"}


def test_the_railroad_diagram_names_the_rules_of_the_grammar(build: Build) -> None:
    page = build.read("generated/railroad.html")
    headings = {
        html.unescape(h)
        for h in re.findall(r'<h1 class="railroad-heading"[^>]*>(.*?)</h1>', page, re.DOTALL)
    }
    rules = RULE.findall((ROOT / "grammar" / "threshold.ebnf").read_text(encoding="utf-8"))
    assert "threshold" in rules
    drawn = {DRAWN_AS.get(rule, rule) for rule in rules if rule not in INSIDE_A_TERMINAL}
    assert drawn <= headings, drawn - headings
    assert page.count("<svg") >= len(drawn)
    language = build.read("threshold-language.html")
    assert '<iframe src="generated/railroad.html"' in language
    assert 'href="generated/railroad.html"' in language


def _svg_text(svg: str) -> str:
    root = ET.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    return "".join(root.itertext()).replace("\xa0", " ")


def test_the_cli_screenshot_is_kpi_demo(build: Build) -> None:
    text = _svg_text(build.read("generated/kpi-demo.svg"))
    report = run_demo()
    assert "Graded wuji_2018.txt (25 indicators) against wuji_2018_actuals.csv" in text
    lines = text.splitlines()
    # one table row per indicator, between the header and the bottom line
    assert sum(line.startswith("├") for line in lines) == len(report.only.rows)
    for row in report.only.rows:  # long names wrap in their column
        assert row.name[:5] in text, row.name
    assert f"As expected: {', '.join(EXPECTED_FAILURES)} has no thresholds" in text
    assert "Wrote the report to kpi-demo-report.html" in text
    assert report.only.shown_total() == "81.6"
    assert "81.6" in text
    for page in ("index.html", "cli.html"):
        assert 'src="generated/kpi-demo.svg"' in build.read(page)


def test_the_cli_screenshot_gives_chinese_two_columns(build: Build) -> None:
    from rich.cells import cell_len

    svg = build.read("generated/kpi-demo.svg")
    runs = re.findall(r'<text [^>]*?textLength="([0-9.]+)"[^>]*>([^<]+)</text>', svg)
    cells = [(float(length), cell_len(html.unescape(text))) for length, text in runs]
    widths = {round(length / n, 3) for length, n in cells if n}
    assert len(widths) == 1, widths  # one column width, whatever the characters


def test_the_report_is_the_demo_report(build: Build, tmp_path: Path) -> None:
    expected = kpi.write_report(run_demo(), tmp_path / "report.html").read_text(encoding="utf-8")
    assert build.read("generated/wuji-2018-report.html") == expected
    assert '<iframe src="generated/wuji-2018-report.html"' in build.read("cli.html")


def test_the_search_index_segments_chinese(build: Build) -> None:
    index = json.loads(build.read("search/search_index.json"))
    config = index["config"]
    assert config["lang"] == ["en", "zh"]
    assert "\\u200b" in config["separator"]
    separator = re.compile(config["separator"].replace("\\u200b", "\u200b"))
    tokens = {
        token
        for doc in index["docs"]
        for field in (doc["title"], doc["text"])
        for token in separator.split(field)
    }
    # words of the domain, each one token, from the dictionary made of grammar/*.toml
    for word in ("指标值", "年度指标值", "实际值", "以上", "以下", "不满", "不含", *"优良中差"):
        assert word in tokens, word
    scoring = tomllib.loads((ROOT / "grammar" / "scoring.toml").read_text(encoding="utf-8"))
    vocabulary = tomllib.loads((ROOT / "grammar" / "vocabulary.toml").read_text(encoding="utf-8"))
    levels = [*vocabulary["scales"][1]["labels"], *vocabulary["scales"][2]["labels"]]
    for word in (*scoring["levels"]["names"], *levels):
        assert word in tokens, word
    # and a sentence is split into words, not kept whole
    assert "优良中差" not in tokens


def test_the_test_extra_installs_what_the_site_needs() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    extras = project["optional-dependencies"]
    assert set(extras["docs"]) <= set(extras["test"])
