"""ruff and mypy over the repository, as the README promises."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent

CHECKS = [
    pytest.param(("ruff", "check", "."), id="ruff-check"),
    pytest.param(("ruff", "format", "--check", "."), id="ruff-format"),
    pytest.param(("mypy",), id="mypy"),
]


@pytest.mark.parametrize("command", CHECKS)
def test_tool_is_clean(command: tuple[str, ...]) -> None:
    tool = command[0]
    if importlib.util.find_spec(tool) is None:
        pytest.skip(f"{tool} is not installed (it comes with: pip install -e '.[test]')")
    result = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=REPO,
        env={**os.environ, "NO_COLOR": "1", "PYTHONIOENCODING": "utf-8"},
        capture_output=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, (
        f"`{' '.join(command)}` exited with {result.returncode}\n"
        f"--- stdout ---\n{result.stdout}\n--- stderr ---\n{result.stderr}"
    )
