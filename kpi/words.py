"""Teaching kpi new words at run time: units and counting words.

The words of the language live in ``grammar/vocabulary.toml``; these
functions extend the current vocabulary for the rest of the process (the
grammar is rebuilt and the parse cache cleared). To extend it for good, add
the word to the vocabulary file.
"""

from __future__ import annotations

import itertools
import re

from kpi import units
from kpi.errors import VocabularyError
from kpi.normalize import normalize
from kpi.parser import current_reader, use_vocabulary
from kpi.vocabulary import UnitEntry, Vocabulary

__all__ = ["add_count_word", "add_unit"]

_DIGIT = re.compile(r"\d")
_LETTERS = re.compile(r"[^\W\d_]+")
_user_ids = itertools.count(1)


def add_unit(word: str, definition: str, *, dimension: str | None = None) -> None:
    """Teach kpi a unit word at run time.

    *definition* is a pint expression over kpi's unit ids (see
    ``grammar/units.txt``), such as ``"500 * gram"`` for 斤::

        kpi.add_unit("斤", "500 * gram", dimension="mass")

    The grammar is rebuilt and the parse cache cleared.
    """

    vocabulary = current_reader().vocabulary
    _check_new_word(vocabulary, word)
    if not definition.strip():
        raise VocabularyError(f"cannot add unit {word!r}: its definition is empty")
    uid = f"user_{next(_user_ids)}"
    try:
        units.define(f"{uid} = {definition}")
    except VocabularyError as exc:
        raise VocabularyError(f"cannot add unit {word!r} = {definition!r}: {exc.reason}") from None
    use_vocabulary(vocabulary.with_unit(UnitEntry(uid, (word,), uid, dimension or word)))


def add_count_word(word: str) -> None:
    """Teach kpi a counting word (like 次 or 人) at run time."""
    vocabulary = current_reader().vocabulary
    _check_new_word(vocabulary, word)
    use_vocabulary(
        vocabulary.with_unit(UnitEntry(f"count:{word}", (word,), "count", "count", True))
    )


def _check_new_word(vocabulary: Vocabulary, word: str) -> None:
    """A new unit word must be non-empty, normalised, free of digits, white
    space and punctuation, and not already a word of the language."""
    if not isinstance(word, str) or not word:
        raise VocabularyError(f"a unit word is a non-empty str, not {word!r}")
    normal = normalize(word, vocabulary.fold).text
    if normal != word:
        raise VocabularyError(f"write the unit word {word!r} in its normalised form {normal!r}")
    if _DIGIT.search(word) or not _LETTERS.fullmatch(word.lstrip("/")):
        raise VocabularyError(f"a unit word is made of letters, not {word!r}")
    if word in vocabulary.all_words():
        raise VocabularyError(f"{word!r} is already a word of the threshold language")
