"""Optional dependencies, imported only when a feature needs them."""

from __future__ import annotations

import importlib
from types import ModuleType

from kpi.errors import MissingExtraError

__all__ = ["require"]

# module -> (extra, what needs it)
_EXTRAS = {
    "docx": ("docx", "reading .docx files"),
    "openpyxl": ("xlsx", "reading .xlsx files"),
    "hypothesis": ("strategies", "kpi.strategies"),
    "tomli_w": ("toml", "writing .toml rubrics"),
}


def require(module: str) -> ModuleType:
    """Import an optional dependency, or raise :class:`~kpi.MissingExtraError`
    naming the extra that installs it."""
    try:
        return importlib.import_module(module)
    except ImportError:
        extra, purpose = _EXTRAS[module]
        raise MissingExtraError(
            f"{purpose} needs the {module} package: pip install 'kpi[{extra}]'"
        ) from None
