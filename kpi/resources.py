"""Where the grammar files are: inside the installed wheel, or in the checkout.

The wheel carries ``grammar/`` as ``kpi/_grammar`` (hatchling force-include).
A checkout or an editable install imports ``kpi`` from the source tree, where
the files are in the repository's top-level ``grammar/`` folder.
"""

from __future__ import annotations

from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

__all__ = ["grammar_file", "grammar_root"]

_FILES = ("vocabulary.toml", "units.txt", "threshold.ebnf", "cases.toml")


def grammar_root() -> Traversable:
    """The folder that holds vocabulary.toml, units.txt, threshold.ebnf, cases.toml."""
    packaged = resources.files("kpi") / "_grammar"
    if packaged.is_dir():
        return packaged
    checkout = Path(__file__).resolve().parent.parent / "grammar"
    if (checkout / _FILES[0]).is_file():
        return checkout
    raise FileNotFoundError(f"kpi's grammar files are missing: looked in {packaged} and {checkout}")


def grammar_file(name: str) -> Traversable:
    """One file of the grammar folder, by name (for example ``"cases.toml"``)."""
    return grammar_root() / name
