"""The documentation tells the truth.

- Every generated block of the docs matches its source (``docs/generate.py --check``).
- Every example in README.md and docs/*.md runs and prints what the page says:
  the ``python`` fences as doctests, the ``console`` fences as commands run
  in a temporary folder, with the files of the page's titled fences
  (```` ```text title="rubric.csv" ````) written into it first.
- Every page of docs/ and every ``## `` section of it starts with a
  ``> 说明：`` paragraph in Chinese.
- Every ``kpi.`` name the pages mention in backticks exists.
"""

from __future__ import annotations

import difflib
import doctest
import importlib
import importlib.util
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from types import ModuleType
from typing import Any

import pytest

import kpi

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
GENERATED_DIRS = frozenset({"generated"})
"""Folders of docs/ that hold what the site build generates, not pages."""


def _pages() -> list[Path]:
    """README.md and every Markdown page under docs/, found anew each run so
    that a new page is tested without being listed anywhere."""
    pages = [
        page
        for page in DOCS.rglob("*.md")
        if not GENERATED_DIRS.intersection(page.relative_to(DOCS).parts[:-1])
        and not any(part.startswith(".") for part in page.relative_to(DOCS).parts)
    ]
    return sorted([ROOT / "README.md", *pages])


PAGES = _pages()
DOC_PAGES = [page for page in PAGES if page.is_relative_to(DOCS)]


def _page_id(page: Path) -> str:
    return str(page.relative_to(ROOT))


GENERATED_PAGES: frozenset[str] = frozenset()
"""Pages of docs/ whose whole text is generated at build time, not written:
they need neither examples nor 说明 paragraphs, their sources being tested
where they are written. None at present: changelog.md has its own 说明 and
example, and includes CHANGELOG.md (``--8<--``) only when the site is built."""

UNEXPLAINED_SECTIONS = frozenset({"Contents", "目录"})
"""Sections that need no 说明 paragraph: a table of contents is a list of
links to the sections below, each of which has its own."""


# ------------------------------------------------------------------ fences


@dataclass
class Fence:
    """A fenced code block of a page: its language, the file it is titled
    with (``title="rubric.csv"``), its lines and where they start."""

    lang: str
    title: str | None
    start: int
    """The page's line number (from 1) of the first line inside the fence."""
    lines: list[str] = field(default_factory=list)


_OPEN = re.compile(r"^(?P<indent>\s*)(?P<fence>`{3,}|~{3,})\s*(?P<lang>[\w+-]*)(?P<attrs>[^`]*)$")
_TITLE = re.compile(r"""\btitle=(?:"([^"]*)"|'([^']*)')""")


def _fences(text: str) -> list[Fence]:
    """The fenced code blocks of a Markdown text, in order; indented fences
    (inside an admonition or a list) lose the indent of their opening line."""
    fences: list[Fence] = []
    current: Fence | None = None
    closing = ""
    indent = 0
    for number, line in enumerate(text.splitlines(), start=1):
        if current is None:
            opening = _OPEN.match(line)
            if opening:
                title = _TITLE.search(opening["attrs"])
                current = Fence(
                    lang=opening["lang"].lower(),
                    title=(title[1] if title[1] is not None else title[2]) if title else None,
                    start=number + 1,
                )
                closing, indent = opening["fence"], len(opening["indent"])
            continue
        stripped = line.strip()
        if stripped.startswith(closing) and stripped == closing[0] * len(stripped):
            fences.append(current)
            current = None
            continue
        if indent:  # a line indented less than the fence is taken as it is, unindented
            line = line[indent:] if line[:indent].isspace() else line.lstrip()
        current.lines.append(line)
    return fences


def _outside_fences(text: str) -> list[tuple[int, str]]:
    """The lines of a Markdown text that are not inside a fence, numbered from 1."""
    inside = {
        n
        for fence in _fences(text)
        for n in range(fence.start - 1, fence.start + len(fence.lines) + 1)
    }
    return [(n, line) for n, line in enumerate(text.splitlines(), start=1) if n not in inside]


# ----------------------------------------------------------- generated blocks


def test_generated_blocks_are_up_to_date(docs_generator: ModuleType) -> None:
    stale = docs_generator.check()
    assert stale == [], "run `python docs/generate.py`; stale:\n" + "\n".join(stale)


# ----------------------------------------------------------- python fences

PYTHON = frozenset({"python", "pycon", "py"})


class MarkdownDocTestParser(doctest.DocTestParser):
    """Doctests inside ```python fences only.

    Plain doctest reads a whole markdown file, so the closing fence right
    after an example would count as expected output. Every line outside a
    python fence is blanked instead, which keeps the line numbers of failures.
    """

    def parse(self, string: str, name: str = "<string>") -> list[Any]:
        lines = [""] * (len(string.splitlines()) + 1)
        for fence in _fences(string):
            if fence.lang in PYTHON:
                lines[fence.start - 1 : fence.start - 1 + len(fence.lines)] = fence.lines
        return super().parse("\n".join(lines) + "\n", name)


@pytest.mark.usefixtures("restore_vocabulary")
@pytest.mark.parametrize("page", PAGES, ids=_page_id)
def test_examples_run(page: Path, capsys: pytest.CaptureFixture[str]) -> None:
    results = doctest.testfile(
        str(page),
        module_relative=False,
        encoding="utf-8",
        parser=MarkdownDocTestParser(),
        optionflags=0,
    )
    report = capsys.readouterr().out
    assert results.failed == 0, report


@pytest.mark.parametrize("page", DOC_PAGES, ids=_page_id)
def test_pages_have_examples(page: Path) -> None:
    """Every page of docs/ shows what it says: a python example or a command."""
    if page.name in GENERATED_PAGES:
        pytest.skip(f"{page.name} is generated")
    fences = _fences(page.read_text(encoding="utf-8"))
    examples = [f for f in fences if f.lang in PYTHON and any(">>> " in x for x in f.lines)]
    commands = [f for f in fences if f.lang == "console" and _commands(f)]
    assert examples or commands, f"{page.name} has no examples"


# ---------------------------------------------------------- console fences

PROMPT = "$ "
EXIT = re.compile(r"^\[exit (\d+)\]$")
"""The last line of a command's output when its exit status is not 0."""
TIMEOUT = 300
"""Seconds a command of the docs may take."""


@dataclass
class Command:
    """A ``$ `` line of a console fence and the output the page shows for it."""

    line: int
    text: str
    expected: list[str]


def _commands(fence: Fence) -> list[Command]:
    commands: list[Command] = []
    for offset, line in enumerate(fence.lines):
        if line.startswith(PROMPT):
            commands.append(Command(fence.start + offset, line[len(PROMPT) :], []))
        elif commands:
            commands[-1].expected.append(line)
        elif line.strip():
            pytest.fail(f"line {fence.start + offset}: output before any `$ ` command: {line!r}")
    return commands


def _argv(command: str) -> list[str]:
    """The program to run for a command of the docs. Only kpi runs:
    ``kpi ...`` and ``python -m kpi ...``; and ``python -c CODE`` for what
    a reader needs besides kpi, such as a copy of a bundled file (the code
    is the project's own, as in the python fences)."""
    words = shlex.split(command)
    if words[:1] == ["kpi"]:
        return [sys.executable, "-m", "kpi", *words[1:]]
    if words[:3] == ["python", "-m", "kpi"]:
        return [sys.executable, "-m", "kpi", *words[3:]]
    if words[:2] == ["python", "-c"] and len(words) == 3:
        return [sys.executable, "-c", words[2]]
    pytest.fail(
        f"the docs may run `kpi ...`, `python -m kpi ...` and `python -c CODE`, not {command!r}"
    )


def _environment() -> dict[str, str]:
    """The environment of the commands: the kpi under test, plain UTF-8
    text at a fixed width, no colours and no progress."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in {"FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES"}
    }
    package_root = str(Path(kpi.__file__).resolve().parent.parent)
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [package_root, env.get("PYTHONPATH")])),
        PYTHONUTF8="1",
        PYTHONIOENCODING="utf-8",
        PYTHONUNBUFFERED="1",  # standard output and error in the order written
        COLUMNS="100",
        LINES="50",
        NO_COLOR="1",
        TERM="dumb",
    )
    return env


def _normalise(lines: list[str]) -> list[str]:
    """The lines without trailing white space, and without blank lines at the end."""
    lines = [line.rstrip() for line in lines]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _write_file(folder: Path, fence: Fence) -> None:
    assert fence.title is not None
    name = PurePosixPath(fence.title)
    assert not name.is_absolute(), f"the file {fence.title!r} is not in the page's folder"
    assert ".." not in name.parts, f"the file {fence.title!r} is not in the page's folder"
    path = folder.joinpath(*name.parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(fence.lines) + "\n", encoding="utf-8")


def _run(command: Command, folder: Path, env: dict[str, str]) -> list[str]:
    """What a terminal shows for *command* run in *folder*: its standard
    output and error, and ``[exit N]`` when it exits with N other than 0."""
    done = subprocess.run(
        _argv(command.text),
        cwd=folder,
        env=env,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=TIMEOUT,
        check=False,
    )
    shown = done.stdout.decode("utf-8").splitlines()
    if done.returncode:
        shown.append(f"[exit {done.returncode}]")
    return _normalise(shown)


def _console_pages() -> list[Path]:
    return [
        page
        for page in PAGES
        if any(f.lang == "console" for f in _fences(page.read_text(encoding="utf-8")))
    ]


@pytest.mark.slow
@pytest.mark.parametrize("page", _console_pages(), ids=_page_id)
def test_commands_run(page: Path, tmp_path: Path) -> None:
    """The commands of a page's console fences print what the page shows.

    A page's commands run in order in one empty folder, the current folder
    of every command; a fence titled with a file name (```text
    title="actuals.csv"```) writes that file there when the page reaches it,
    so a later fence of the same title changes the file. The output of a
    command is the lines after it up to the next ``$ `` or the end of the
    fence, compared whole after trailing white space is dropped; a command
    that exits with a status other than 0 must end its output with
    ``[exit N]``.
    """
    env = _environment()
    failures: list[str] = []
    for fence in _fences(page.read_text(encoding="utf-8")):
        if fence.lang == "console":
            for command in _commands(fence):
                shown = _run(command, tmp_path, env)
                expected = _normalise(command.expected)
                if shown != expected:
                    diff = difflib.unified_diff(
                        expected, shown, "the page", "the command", lineterm="", n=2
                    )
                    failures.append(
                        f"{page.name}, line {command.line}: $ {command.text}\n" + "\n".join(diff)
                    )
        elif fence.title is not None and fence.lang not in PYTHON:
            _write_file(tmp_path, fence)
    assert not failures, "\n\n".join(failures)


def test_command_fences_are_read() -> None:
    """How a page's fences become files and commands."""
    page = (
        "# T\n\n"
        '```text title="rubric.csv"\n'
        "绩效指标,优\n"
        "```\n\n"
        "```console\n"
        "$ kpi lint rubric.csv\n"
        "a finding  \n"
        "[exit 1]\n"
        "$ python -m kpi parse 1\n"
        "```\n\n"
        "    ```python\n"
        "    >>> 1\n"
        "    1\n"
        "    ```\n"
    )
    text, console, python = _fences(page)
    assert (text.lang, text.title, text.start, text.lines) == (
        "text",
        "rubric.csv",
        4,
        ["绩效指标,优"],
    )
    commands = _commands(console)
    assert [(c.line, c.text, _normalise(c.expected)) for c in commands] == [
        (8, "kpi lint rubric.csv", ["a finding", "[exit 1]"]),
        (11, "python -m kpi parse 1", []),
    ]
    assert (python.lang, python.lines) == ("python", [">>> 1", "1"])
    assert _argv("python -m kpi parse '≥95%'")[1:] == ["-m", "kpi", "parse", "≥95%"]
    with pytest.raises(pytest.fail.Exception, match="not 'ls -l'"):
        _argv("ls -l")


# -------------------------------------------------------------- 说明 paragraphs

EXPLANATION = "> 说明："
_CJK = re.compile(r"[\u4e00-\u9fff]")
MIN_CJK = 6
"""Chinese characters a 说明 paragraph has at least, besides 说明 itself."""


def _heading_gaps(page: Path) -> list[str]:
    """The page's title and ``## `` sections that do not start with a 说明
    paragraph in Chinese, as ``line N: heading``."""
    lines = _outside_fences(page.read_text(encoding="utf-8"))
    if lines and lines[0][1].strip() == "---":  # front matter of the site
        end = next((i for i, (_, x) in enumerate(lines[1:], 1) if x.strip() == "---"), 0)
        lines = lines[end + 1 :]
    missing: list[str] = []
    titled = False
    for i, (number, line) in enumerate(lines):
        title = line.startswith("# ") and not titled
        titled = titled or title
        section = line.startswith("## ") and line[3:].strip() not in UNEXPLAINED_SECTIONS
        if not title and not section:
            continue
        paragraph = next((x.strip() for _, x in lines[i + 1 :] if x.strip()), "")
        body = paragraph[len(EXPLANATION) :]
        if not paragraph.startswith(EXPLANATION) or len(_CJK.findall(body)) < MIN_CJK:
            missing.append(f"line {number}: {line}")
    if not titled:
        missing.append("line 1: no '# ' title")
    return missing


@pytest.mark.parametrize("page", DOC_PAGES, ids=_page_id)
def test_sections_start_with_explanation(page: Path) -> None:
    """The page and each of its ``## `` sections start with a ``> 说明：``
    paragraph, so that a reader of Chinese alone can follow the page."""
    if page.name in GENERATED_PAGES:
        pytest.skip(f"{page.name} is generated")
    missing = _heading_gaps(page)
    assert not missing, (
        f"{page.name}: these headings are not followed by a '{EXPLANATION}' paragraph "
        "in Chinese:\n" + "\n".join(missing)
    )


def test_explanation_check(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "---\nhide: [toc]\n---\n# 标题\n\n> 说明：本页说明如何评定等级。\n\n"
        "## Contents\n\n1. [A](#a)\n\n"
        "## A\n\n> 说明：先读入目标表，再评定。\n\n```text\n## not a heading\n```\n\n"
        "## B\n\nEnglish only.\n\n## C\n\n> 说明：见上。\n",
        encoding="utf-8",
    )
    assert _heading_gaps(page) == ["line 20: ## B", "line 24: ## C"]


def test_new_pages_are_found() -> None:
    """Pages are found, not listed: each page of docs/ is in PAGES."""
    assert {p.name for p in DOC_PAGES} >= {"getting-started.md", "tutorial.md", "scale.md"}
    assert ROOT / "README.md" in PAGES


# -------------------------------------------------------------- kpi. names

_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_KPI_NAME = re.compile(r"\bkpi(?:\.[A-Za-z_]\w*)+")


def _mentioned_names() -> list[str]:
    names: set[str] = set()
    for page in PAGES:
        text = "\n".join(line for _, line in _outside_fences(page.read_text(encoding="utf-8")))
        for span in _CODE_SPAN.findall(text):
            names.update(_KPI_NAME.findall(span))
    return sorted(names)


def _resolve(name: str) -> object:
    parts = name.split(".")
    obj: object = importlib.import_module(parts[0])
    for i, part in enumerate(parts[1:], start=1):
        try:
            obj = getattr(obj, part)
        except AttributeError:
            obj = importlib.import_module(".".join(parts[: i + 1]))
    return obj


@pytest.mark.parametrize("name", _mentioned_names())
def test_mentioned_names_exist(name: str) -> None:
    try:
        _resolve(name)
    except (AttributeError, ImportError) as exc:
        pytest.fail(f"the docs mention `{name}`, which does not exist: {exc}")
