"""Normalising cell text while remembering where each character came from.

Cells are read after NFKC (full-width ``＞９５％`` becomes ``>95%``), the
folds of the vocabulary (traditional ``個`` to ``个``, ``−`` to ``-``) and
trimming. Error messages must point into the text the user wrote, so the
normalised text keeps, for each of its characters, the index of the original
character it came from.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

import attrs

__all__ = ["NormalizedText", "normalize"]


@attrs.frozen
class NormalizedText:
    """``text`` after normalisation; ``origin[i]`` is the index in
    ``original`` of the character ``text[i]`` came from."""

    original: str
    text: str
    origin: tuple[int, ...]

    def column(self, index: int) -> int:
        """The 1-based column in the original text of normalised index *index*."""
        if not self.origin:
            return 1
        if index >= len(self.origin):
            return self.origin[-1] + 2
        return self.origin[index] + 1


def _clusters(text: str) -> list[tuple[int, str]]:
    """Split *text* into a base character and its combining marks, with the
    index of the base. NFKC composes within a cluster, never across."""
    out: list[tuple[int, str]] = []
    for i, ch in enumerate(text):
        if out and unicodedata.combining(ch):
            start, chunk = out[-1]
            out[-1] = (start, chunk + ch)
        else:
            out.append((i, ch))
    return out


def normalize(
    original: str, fold: Mapping[str, str], trailing: Sequence[str] = ()
) -> NormalizedText:
    """NFKC, then *fold*, whitespace runs to one space, trimmed, and any of
    *trailing* dropped from the end (once each, outermost first)."""
    chars: list[str] = []
    origin: list[int] = []
    for start, cluster in _clusters(original):
        for ch in unicodedata.normalize("NFKC", cluster):
            if unicodedata.category(ch) == "Cf":
                continue  # invisible: zero-width space, BOM, direction marks
            ch = fold.get(ch, ch)
            if ch.isspace():
                if not chars or chars[-1] == " ":
                    continue
                ch = " "
            chars.append(ch)
            origin.append(start)
    text = "".join(chars)
    end = len(text)
    changed = True
    while changed:
        changed = False
        stripped = text[:end].rstrip(" ")
        end = len(stripped)
        for mark in trailing:
            if mark and stripped.endswith(mark) and end > len(mark):
                end -= len(mark)
                changed = True
                break
    text = text[:end].rstrip(" ")
    return NormalizedText(original, text, tuple(origin[: len(text)]))
