"""How a cell was read, part by part: what ``kpi parse TEXT`` prints.

>>> for part in explain("90%以上"):
...     print(part)
90: a number
%: a unit, % (ratio)
以上: a boundary word: at least the number, which is included (民法典 第1259条)
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from kpi.grammar import Node, Token
from kpi.parser import current_reader, parse

__all__ = ["Part", "explain"]

_COMPARATORS = {
    ">=": "at least the number, which is included",
    ">": "more than the number, which is excluded",
    "<=": "at most the number, which is included",
    "<": "less than the number, which is excluded",
    "=": "exactly the number",
}


@attrs.frozen
class Part:
    """One token of a cell (as normalised) and what it means."""

    text: str
    meaning: str

    def __str__(self) -> str:
        return f"{self.text}: {self.meaning}"


def explain(text: str) -> list[Part]:
    """The parts of the cell *text* and their meaning. The cell must read:
    :class:`~kpi.ThresholdSyntaxError` is raised as by :func:`kpi.parse`."""
    threshold = parse(text)
    if threshold.is_empty:
        return [Part(text.strip() or '""', "an empty cell: the tier is not defined")]
    if threshold.is_label:
        note = f", with the note {threshold.note!r}" if threshold.note else ""
        return [Part(str(threshold), f"a label, matched as it is written{note}")]
    reader = current_reader()
    tree = reader.grammar.parse(reader.normalize(text).text)
    return [Part(t.text, _meaning(t)) for t in _tokens(tree) if t.kind != "end"]


def _tokens(node: Node | Token) -> Iterator[Token]:
    if isinstance(node, Token):
        yield node
        return
    for child in node.children:
        yield from _tokens(child)


def _meaning(token: Token) -> str:
    v = current_reader().vocabulary
    kind = token.kind
    if kind == "number":
        return "a number"
    if kind == "comparator":
        return f"a comparator: {_COMPARATORS[v.comparators[token.text]]}"
    if kind == "suffix":
        return f"a boundary word: {_COMPARATORS[v.suffixes[token.text]]} (民法典 第1259条)"
    if kind == "mark":
        closed = token.text in v.closed_marks
        return f"the bound next to it is {'included' if closed else 'excluded'}"
    if kind == "unit":
        unit = current_reader().unit(token.text)
        assert unit is not None
        return f"a unit, {unit.word} ({unit.dimension})"
    if kind == "multiplier":
        return f"multiplies the number by {v.multipliers[token.text]}"
    if kind == "dash":
        return "a range: both ends included, unless one end alone is marked (含)"
    if kind in ("left", "right"):
        closed = token.text in "[]"
        return f"an interval end, {'included' if closed else 'excluded'}"
    if kind == "comma":
        return "separates the ends of the interval"
    if kind == "infinity":
        return "an infinite end"
    if kind == "and":
        return "and: both conditions hold"
    if kind == "or":
        return "or: either condition holds"
    if kind == "prefix":
        return "a word that introduces the number"
    return kind  # pragma: no cover - every token class is listed above
