"""Optional dependencies, imported only when a feature needs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from kpi.errors import MissingExtraError

__all__ = ["require"]

# module -> (extra, what needs it, the package that provides the module)
_EXTRAS = {
    "docx": ("docx", "reading .docx files", "python-docx"),
    "openpyxl": ("xlsx", "reading .xlsx files", "openpyxl"),
    "hypothesis": ("strategies", "kpi.strategies", "hypothesis"),
    "tomli_w": ("toml", "writing .toml rubrics", "tomli-w"),
    "numpy": ("numpy", "grading numpy arrays", "numpy"),
    "pandas": ("pandas", "grading pandas Series", "pandas"),
    "polars": ("polars", "grading polars Series", "polars"),
}


def require(module: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`~kpi.MissingExtraError`
    naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra, purpose, package = _EXTRAS[module]
        raise MissingExtraError(
            f"{purpose} needs the {package} package: pip install 'kpi[{extra}]'"
        ) from None
