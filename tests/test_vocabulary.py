"""The vocabulary data agrees with itself, with units.txt and with the code."""

from __future__ import annotations

import re
import unicodedata

import pytest

from kpi.grades import SCALES
from kpi.parser import current_reader
from kpi.resources import grammar_file
from kpi.units import conversion_factor
from kpi.vocabulary import UnitEntry

VOCABULARY = current_reader().vocabulary


def _every_word() -> list[str]:
    return [w for w in VOCABULARY.all_words() if w]


@pytest.mark.parametrize("word", _every_word())
def test_words_are_written_in_normalised_form(word: str) -> None:
    # Cells are matched after NFKC and the folds, so a word must be stable
    # under both or it can never match.
    folded = "".join(VOCABULARY.fold.get(c, c) for c in unicodedata.normalize("NFKC", word))
    assert folded == word


@pytest.mark.parametrize("entry", VOCABULARY.units, ids=lambda e: e.id)
def test_every_unit_is_defined_for_pint(entry: UnitEntry) -> None:
    assert conversion_factor(entry.pint, entry.pint) == 1


def test_units_txt_names_are_all_used() -> None:
    text = grammar_file("units.txt").read_text(encoding="utf-8")
    defined = set(re.findall(r"^(\w+) =", text, flags=re.MULTILINE))
    used = {e.pint for e in VOCABULARY.units}
    # Units defined only as steps towards others (none today) would be listed here.
    assert defined - used == set()


def test_scales_in_code_match_the_vocabulary() -> None:
    assert [s.__name__ for s in SCALES] == [s.name for s in VOCABULARY.scales]
    for scale, entry in zip(SCALES, VOCABULARY.scales, strict=True):
        assert tuple(g.name for g in scale) == entry.labels
        aliases = tuple(n for n in scale.__members__ if n not in entry.labels)
        assert aliases == entry.aliases


def test_no_word_belongs_to_two_classes() -> None:
    classes = {
        "comparator": set(VOCABULARY.comparators),
        "suffix": set(VOCABULARY.suffixes),
        "mark": {*VOCABULARY.closed_marks, *VOCABULARY.open_marks},
        "dash": set(VOCABULARY.range_separators),
        "and": set(VOCABULARY.and_words),
        "or": set(VOCABULARY.or_words),
        "multiplier": set(VOCABULARY.multipliers),
        "unit": set(VOCABULARY.unit_words()),
    }
    seen: dict[str, str] = {}
    for name, words in classes.items():
        for word in words:
            assert word not in seen, f"{word!r} is both a {seen[word]} and a {name}"
            seen[word] = name
