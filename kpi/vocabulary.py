"""The words of the threshold language, loaded from ``grammar/vocabulary.toml``.

A :class:`Vocabulary` is an immutable value. The module keeps one current
vocabulary; :func:`add_unit` and :func:`add_count_word` replace it with an
extended copy, and the parser rebuilds its grammar from the new one.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from typing import Any

import attrs

from kpi.resources import grammar_file

__all__ = ["UnitEntry", "Vocabulary", "load_vocabulary"]


@attrs.frozen
class UnitEntry:
    """One unit: its words (the first is the display form), pint expression
    and a human name of its dimension."""

    id: str
    words: tuple[str, ...]
    pint: str
    dimension: str
    counting: bool = False


@attrs.frozen
class Refusal:
    """A text pattern the language refuses on purpose, and why."""

    pattern: re.Pattern[str]
    reason: str
    cells_only: bool = False


@attrs.frozen
class ScaleEntry:
    """An ordered grade scale, best first."""

    name: str
    labels: tuple[str, ...]
    aliases: tuple[str, ...]


def _words(table: Mapping[str, Any], key: str) -> tuple[str, ...]:
    return tuple(str(w) for w in table.get(key, ()))


@attrs.frozen
class Vocabulary:
    """Every word class of the language, as read from vocabulary.toml."""

    fold: Mapping[str, str]
    comparators: Mapping[str, str]  # word -> ">=", ">", "<=", "<", "="
    suffixes: Mapping[str, str]  # word -> ">=" or "<="
    prefixes: tuple[str, ...]
    closed_marks: tuple[str, ...]
    open_marks: tuple[str, ...]
    range_separators: tuple[str, ...]
    and_words: tuple[str, ...]
    or_words: tuple[str, ...]
    infinity_positive: tuple[str, ...]
    infinity_negative: tuple[str, ...]
    multipliers: Mapping[str, str]
    empty_markers: tuple[str, ...]
    trailing: tuple[str, ...]
    units: tuple[UnitEntry, ...]
    refusals: tuple[Refusal, ...]
    scales: tuple[ScaleEntry, ...]
    unit_by_word: Mapping[str, UnitEntry] = attrs.field(init=False, eq=False, repr=False)

    @unit_by_word.default
    def _index_units(self) -> Mapping[str, UnitEntry]:
        index: dict[str, UnitEntry] = {}
        for entry in self.units:
            for word in entry.words:
                index.setdefault(word, entry)
        return index

    @classmethod
    def from_toml(cls, text: str) -> Vocabulary:
        """Read a vocabulary from the text of a vocabulary.toml file."""
        data = tomllib.loads(text)
        comparators = {w: kind for kind, ws in data["comparators"].items() for w in ws}
        suffixes = {w: kind for kind, ws in data["suffixes"].items() for w in ws}
        units = [
            UnitEntry(uid, tuple(t["words"]), t["pint"], t["dimension"])
            for uid, t in data["units"].items()
        ]
        counting = data["counting"]
        units += [
            UnitEntry(f"count:{w}", (w,), counting["pint"], "count", counting=True)
            for w in counting["words"]
        ]
        return cls(
            fold=dict(data["fold"]),
            comparators=comparators,
            suffixes=suffixes,
            prefixes=_words(data["prefixes"], "neutral"),
            closed_marks=_words(data["marks"], "closed"),
            open_marks=_words(data["marks"], "open"),
            range_separators=_words(data["ranges"], "separators"),
            and_words=_words(data["conjunctions"], "and"),
            or_words=_words(data["conjunctions"], "or"),
            infinity_positive=_words(data["infinity"], "positive"),
            infinity_negative=_words(data["infinity"], "negative"),
            multipliers=dict(data["multipliers"]),
            empty_markers=_words(data["empty"], "markers"),
            trailing=_words(data["trailing"], "punctuation"),
            units=tuple(units),
            refusals=tuple(
                Refusal(re.compile(r["pattern"]), r["reason"], bool(r.get("cells_only", False)))
                for r in data["refusals"]
            ),
            scales=tuple(
                ScaleEntry(s["name"], tuple(s["labels"]), tuple(s["aliases"]))
                for s in data["scales"]
            ),
        )

    def with_unit(self, entry: UnitEntry) -> Vocabulary:
        """A copy with one more unit (its words take precedence)."""
        return attrs.evolve(self, units=(entry, *self.units))

    def unit_words(self) -> tuple[str, ...]:
        """Every word that names a unit, counting words included."""
        return tuple(self.unit_by_word)

    def all_words(self) -> tuple[str, ...]:
        """Every word of every class: what an unfilled template is made of."""
        return (
            *self.comparators,
            *self.suffixes,
            *self.prefixes,
            *self.closed_marks,
            *self.open_marks,
            *self.range_separators,
            *self.and_words,
            *self.or_words,
            *self.multipliers,
            *self.unit_words(),
        )


def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped with kpi (grammar/vocabulary.toml)."""
    return Vocabulary.from_toml(grammar_file("vocabulary.toml").read_text(encoding="utf-8"))
