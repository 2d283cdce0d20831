"""The documentation tells the truth.

- Every generated block of the docs matches its source (``docs/generate.py --check``).
- Every example in README.md and docs/*.md runs and prints what the page says.
- Every ``kpi.`` name the pages mention in backticks exists.
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted([ROOT / "README.md", *(ROOT / "docs").glob("*.md")])


def _load_generator() -> ModuleType:
    path = ROOT / "docs" / "generate.py"
    spec = importlib.util.spec_from_file_location("kpi_docs_generate", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_blocks_are_up_to_date() -> None:
    stale = _load_generator().check()
    assert stale == [], "run `python docs/generate.py`; stale:\n" + "\n".join(stale)


class MarkdownDocTestParser(doctest.DocTestParser):
    """Doctests inside ```python fences only.

    Plain doctest reads a whole markdown file, so the closing fence right
    after an example would count as expected output. Every line outside a
    python fence is blanked instead, which keeps the line numbers of failures.
    """

    _FENCE = re.compile(r"^```(\w*)\s*$")

    def parse(self, string: str, name: str = "<string>") -> list[Any]:
        lines: list[str] = []
        inside = False
        for line in string.splitlines():
            fence = self._FENCE.match(line.strip())
            if fence:
                inside = not inside and fence.group(1) in ("python", "pycon", "py")
                lines.append("")
            else:
                lines.append(line if inside else "")
        return super().parse("\n".join(lines) + "\n", name)


@pytest.mark.usefixtures("restore_vocabulary")
@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
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
    if page.parent.name == "docs":
        assert results.attempted > 0, f"{page.name} has no examples"


_CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_KPI_NAME = re.compile(r"\bkpi(?:\.[A-Za-z_]\w*)+")


def _mentioned_names() -> list[str]:
    names: set[str] = set()
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        text = re.sub(r"^```.*?^```", "", text, flags=re.MULTILINE | re.DOTALL)
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
