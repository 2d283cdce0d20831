"""Build-time parts of the documentation site (mkdocs ``hooks:``).

The site shows three files that are made from the code each time it is
built, so that they cannot drift from it:

``generated/railroad.html``
    the railroad diagram of the threshold grammar, drawn by pyparsing's
    ``create_diagram`` from the grammar object of :mod:`kpi.grammar`;
``generated/kpi-demo.svg``
    what ``kpi demo`` prints, recorded by rich and exported as SVG;
``generated/wuji-2018-report.html``
    the HTML report that ``kpi demo`` writes.

They are added to the build with ``File.generated`` in :func:`on_files`, so
that strict link checking sees them. :func:`on_config` writes the jieba user
dictionary of the search index, made from the word lists of ``grammar/``,
and :func:`on_pre_build` fails the build when a generated block of a page is
stale (``python docs/generate.py`` rewrites them).

:class:`MarkdownDocstrings` is a griffe extension for mkdocstrings: kpi's
docstrings are doctested reST-flavoured text, which it turns into Markdown.
"""

from __future__ import annotations

import contextlib
import html
import importlib.util
import io
import logging
import os
import re
import shutil
import sys
import tempfile
import tomllib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import griffe
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammar"
log = logging.getLogger("mkdocs.hooks.kpi")

DEMO_WIDTH = 120
"""The terminal width ``kpi demo`` is recorded at (kpi.cli's plain width)."""

RAILROAD = "generated/railroad.html"
DEMO_SVG = "generated/kpi-demo.svg"
DEMO_REPORT = "generated/wuji-2018-report.html"


# ---------------------------------------------------------------- a fix of mkdocs


def _skip_bracket_declaration(self: Any, i: int) -> int:
    """``<![`` that opens no CDATA section is text, not a declaration.

    mkdocs 1.6 feeds every page to an HTML parser to find the ``id``s that
    anchors may point to. Before Python 3.13 that parser fails on ``<![``
    (CPython gh-77057), which the refusal patterns of the threshold language
    hold: ``(?<![\\d.])``. Python-Markdown works around the same bug in its
    own parser; this does so for mkdocs', the same way.
    """
    if self.rawdata[i : i + 3] == "<![" and self.rawdata[i : i + 9] != "<![CDATA[":
        self.handle_data("<!")
        return i + 2
    return int(_declaration(self, i))


if sys.version_info < (3, 13):
    from mkdocs.structure import pages as _pages

    _declaration = _pages._HTMLHandler.parse_html_declaration
    _pages._HTMLHandler.parse_html_declaration = _skip_bracket_declaration


_made: list[Path] = []
"""The temporary folders made during the build, removed by :func:`on_shutdown`."""


# ---------------------------------------------------------------- search


HAN = re.compile(r"[\u3400-\u9fff]+")


def domain_words() -> list[str]:
    """The Chinese words of the grammar's word lists, longest first.

    Taken from ``grammar/vocabulary.toml`` (comparators, suffixes, marks,
    units, counting words, grade scales, ...), ``grammar/scoring.toml``
    (levels, direction words) and ``grammar/headers.toml`` (指标名称,
    指标值, 实际值, ...). Only runs of Chinese characters count, since the
    search index segments only those: ``(不含本数)`` gives 不含本数.
    Single characters are words to jieba already.
    """
    found: set[str] = set()

    def walk(value: Any) -> None:
        if isinstance(value, str):
            found.update(HAN.findall(value))
        elif isinstance(value, dict):
            for key, item in value.items():
                walk(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    vocabulary = _toml("vocabulary.toml")
    walk({k: v for k, v in vocabulary.items() if k not in ("refusals", "fold")})
    scoring = _toml("scoring.toml")
    walk(scoring["levels"]["names"])
    walk(scoring["direction"])
    walk(scoring["national"]["bands"])
    headers = _toml("headers.toml")
    walk([table["words"] for table in headers["roles"].values()])
    walk([table["words"] for table in headers["actuals"].values()])
    return sorted((w for w in found if len(w) > 1), key=lambda w: (-len(w), w))


def _toml(name: str) -> dict[str, Any]:
    with (GRAMMAR / name).open("rb") as f:
        return tomllib.load(f)


def jieba_dictionary() -> str:
    """The jieba user dictionary: one ``word frequency`` a line.

    The frequency is high enough that jieba keeps every domain word whole
    (指标值, not 指标 + 值; 不合格, not 不 + 合格).
    """
    return "".join(f"{word} 100000\n" for word in domain_words())


def _search_plugin(config: MkDocsConfig) -> Any:
    for name, plugin in config.plugins.items():
        if name.endswith("search"):
            return plugin
    return None


@event_priority(100)  # before the search plugin reads the dictionary
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Write the jieba user dictionary and give it to the search plugin."""
    search = _search_plugin(config)
    if search is not None and not search.config.jieba_dict_user:
        folder = Path(tempfile.mkdtemp(prefix="kpi-docs-"))
        _made.append(folder)
        path = folder / "jieba-kpi.txt"
        path.write_text(jieba_dictionary(), encoding="utf-8")
        search.config.jieba_dict_user = str(path)
    return config


def on_shutdown() -> None:
    """Remove the temporary folders."""
    while _made:
        shutil.rmtree(_made.pop(), ignore_errors=True)


# ---------------------------------------------------------------- generated blocks


def _generator() -> ModuleType:
    spec = importlib.util.spec_from_file_location("kpi_docs_generate", ROOT / "docs/generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def on_pre_build(config: MkDocsConfig) -> None:
    """Warn (an error in strict mode) about every stale generated block."""
    for problem in _generator().check():
        log.warning(f"docs/generate.py --check: {problem}; run python docs/generate.py")


# ---------------------------------------------------------------- generated files


def railroad_html() -> str:
    """The railroad diagram of the threshold grammar as one HTML page.

    Drawn from the grammar kpi parses with (:class:`kpi.grammar.Grammar`,
    built from the bundled vocabulary), each rule named as in
    ``grammar/threshold.ebnf``.
    """
    from kpi.grammar import Grammar
    from kpi.vocabulary import load_vocabulary

    top = Grammar(load_vocabulary()).element
    out = io.StringIO()
    top.create_diagram(out, show_results_names=False, vertical=3)
    return out.getvalue()


@contextlib.contextmanager
def _cwd(path: Path) -> Iterator[None]:
    saved = Path.cwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(saved)


def demo() -> tuple[str, str]:
    """``kpi demo``, run in process: what it prints, as SVG, and the report
    it writes, as HTML.

    It prints to a recording rich console of :data:`DEMO_WIDTH` columns,
    with the settings of kpi's own (no markup, emoji or highlighting).
    """
    from rich.console import Console

    import kpi.cli

    console = Console(
        record=True,
        file=io.StringIO(),
        width=DEMO_WIDTH,
        force_terminal=True,
        color_system="truecolor",
        markup=False,
        emoji=False,
        highlight=False,
    )
    with tempfile.TemporaryDirectory(prefix="kpi-demo-") as folder, _cwd(Path(folder)):
        status = kpi.cli.main(["demo", "-o", "kpi-demo-report.html"], console=console)
        if status != 0:
            raise RuntimeError(f"kpi demo exited with {status}")
        report = Path(folder, "kpi-demo-report.html").read_text(encoding="utf-8")
    svg = wide_text(console.export_svg(title="kpi demo"))
    return svg, report


TEXT = re.compile(r'(<text [^>]*?textLength=")([0-9.]+)("[^>]*>)([^<]*)(</text>)')


def wide_text(svg: str) -> str:
    """*svg*, rich's export, with the runs of Chinese text as wide as their cells.

    rich places each run of text at its column, counting a Chinese character
    as two columns, but gives it a ``textLength`` of one column a character,
    so the browser squeezes 事项督查反馈率 into half its width. Every
    ``textLength`` is made the run's width in columns.
    """
    from rich.cells import cell_len

    def widen(found: re.Match[str]) -> str:
        text = html.unescape(found[4])
        if not text:
            return found[0]
        width = float(found[2]) / len(text) * cell_len(text)
        return f"{found[1]}{width:g}{found[3]}{found[4]}{found[5]}"

    return TEXT.sub(widen, svg)


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """Add the generated files to the build."""
    svg, report = demo()
    for uri, content in (
        (RAILROAD, railroad_html()),
        (DEMO_SVG, svg),
        (DEMO_REPORT, report),
    ):
        files.append(File.generated(config, uri, content=content))
    return files


# ---------------------------------------------------------------- docstrings


class MarkdownDocstrings(griffe.Extension):
    """Turn kpi's docstrings into the Markdown mkdocstrings renders.

    - a run of ``>>>`` lines and their output becomes a ``pycon`` fence
      (Markdown would read ``>>>`` as nested quotes);
    - a reST literal block (``Example::`` and the indented lines after it)
      becomes a ``python`` fence;
    - a reST role such as ``:func:`kpi.grade``` becomes the code span
      ``kpi.grade``, and ````literal```` becomes ``literal``.
    """

    def on_object(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None:
            obj.docstring.value = markdown_docstring(obj.docstring.value)


ROLE = re.compile(r":(?:py:)?[a-z]+:`~?([^`]+)`")
LITERAL = re.compile(r"``(.+?)``")


def markdown_docstring(text: str) -> str:
    """*text*, a kpi docstring, as Markdown (see :class:`MarkdownDocstrings`)."""
    lines = text.splitlines()
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.lstrip()
        indent = line[: len(line) - len(stripped)]
        if stripped.startswith(">>>"):
            block = []
            while i < len(lines) and lines[i].strip():
                block.append(lines[i][len(indent) :] if lines[i].startswith(indent) else lines[i])
                i += 1
            out += [f"{indent}```pycon", *(indent + b for b in block), f"{indent}```"]
            continue
        if stripped.endswith("::") and not stripped.startswith(".."):
            out.append(_inline(line[:-1]))
            i += 1
            literal, i = _literal_block(lines, i, len(indent))
            if literal:
                out += ["", f"{indent}```python", *(indent + b for b in literal), f"{indent}```"]
            continue
        out.append(_inline(line))
        i += 1
    return "\n".join(out)


def _literal_block(lines: list[str], i: int, outer: int) -> tuple[list[str], int]:
    """The indented lines of a reST literal block that starts at *i*."""
    while i < len(lines) and not lines[i].strip():
        i += 1
    block: list[str] = []
    inner: int | None = None
    while i < len(lines):
        line = lines[i]
        if line.strip():
            width = len(line) - len(line.lstrip())
            if width <= outer:
                break
            inner = width if inner is None else min(inner, width)
        block.append(line)
        i += 1
    while block and not block[-1].strip():
        block.pop()
    return [b[inner or 0 :] for b in block], i


def _inline(line: str) -> str:
    line = ROLE.sub(lambda m: f"`{m[1]}`", line)
    return LITERAL.sub(lambda m: f"`{m[1]}`", line)


if __name__ == "__main__":  # pragma: no cover - a helper for writing the docs
    sys.stdout.write(jieba_dictionary())
