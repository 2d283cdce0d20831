"""The threshold language as a pyparsing grammar: text in, syntax tree out.

This module knows the shape of a cell and nothing of what it means; the
meaning is given by :mod:`kpi.parser`. Each rule quotes its production from
``grammar/threshold.ebnf``. Words come from a :class:`~kpi.vocabulary.Vocabulary`.

The tree is made of :class:`Token` (a terminal: its class, its text and its
index in the normalised text) and :class:`Node` (a rule: its name and
children).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

import attrs
import pyparsing as pp

from kpi.vocabulary import Vocabulary

__all__ = ["Grammar", "Node", "Token"]

# Whitespace between tokens is skipped, and nothing else.
_WHITE = " \t"


@attrs.frozen
class Token:
    """A terminal of the tree: ``kind`` is its class (``number``, ``unit``,
    ``comparator``, ...), ``text`` what it matched, ``index`` where."""

    kind: str
    text: str
    index: int


@attrs.frozen
class Node:
    """A rule of the tree: ``kind`` names the rule, ``children`` its parts."""

    kind: str
    children: tuple[Token | Node, ...]

    def tokens(self, kind: str) -> list[Token]:
        """The direct children that are tokens of class *kind*."""
        return [c for c in self.children if isinstance(c, Token) and c.kind == kind]

    def nodes(self, kind: str) -> list[Node]:
        """The direct children that are nodes of rule *kind*."""
        return [c for c in self.children if isinstance(c, Node) and c.kind == kind]


def _alternation(words: Iterable[str]) -> str:
    """A regex alternation of *words*, longest first, so that 以上(含) wins over 以上."""
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(re.escape(w) for w in unique if w)


class _FailureLog(threading.local):
    """Where the diagnostic grammar writes what it expected and where."""

    def __init__(self) -> None:
        self.entries: list[tuple[int, str]] = []


class Grammar:
    """The grammar built from one vocabulary.

    :meth:`parse` reads a normalised cell into a :class:`Node`. When it
    fails, :meth:`expected` re-reads the cell with a second copy of the
    grammar that records every terminal that failed, and returns the furthest
    index reached with the names of the terminals expected there.
    """

    def __init__(self, vocabulary: Vocabulary) -> None:
        self.vocabulary = vocabulary
        self._log = _FailureLog()
        self._fast = self._build(diagnostic=False)
        self._diagnostic = self._build(diagnostic=True)

    @property
    def element(self) -> pp.ParserElement:
        """The pyparsing element of the whole grammar, named ``threshold``
        as in ``grammar/threshold.ebnf``: for tools that draw or inspect it
        (the docs draw its railroad diagram with ``create_diagram``)."""
        return self._fast

    # ---------------------------------------------------------------- use

    def parse(self, text: str) -> Node:
        """The syntax tree of *text*, or :class:`pyparsing.ParseBaseException`."""
        result = self._fast.parse_string(text)
        node = result[0]
        assert isinstance(node, Node)
        return node

    def expected(self, text: str) -> tuple[int, list[str]]:
        """The furthest index the grammar reached in *text* and, in a stable
        order, the names of what it expected there. Optional decorations
        (以上, (含), 且, ...) are named only when nothing else was expected."""
        log = self._log
        log.entries = []
        try:
            self._diagnostic.parse_string(text)
        except pp.ParseBaseException as exc:
            furthest = max([i for i, _ in log.entries] + [exc.loc])
        else:  # pragma: no cover - only called after a failure
            return len(text), []
        here = [name for i, name in log.entries if i == furthest]
        loud = [n for n in here if not n.startswith("~")]
        names = loud or [n[1:] for n in here]
        ordered = list(
            dict.fromkeys(sorted(names, key=lambda n: _NAME_ORDER.get(n, len(_NAME_ORDER))))
        )
        log.entries = []
        return furthest, ordered

    # ---------------------------------------------------------------- build

    def _build(self, *, diagnostic: bool) -> pp.ParserElement:
        v = self.vocabulary
        log = self._log

        def term(
            expr: pp.ParserElement, kind: str, name: str, quiet: bool = False
        ) -> pp.ParserElement:
            expr = expr.copy().set_name(name).set_whitespace_chars(_WHITE)
            expr.add_parse_action(
                lambda s, loc, t: Token(kind, str(t[0]) if t else "", _start(s, loc))
            )
            if diagnostic:
                label = ("~" if quiet else "") + name

                def record(s: str, loc: int, e: object, err: object) -> None:
                    log.entries.append((_start(s, loc), label))

                expr.set_fail_action(record)
            return expr

        def words(ws: Iterable[str]) -> pp.ParserElement:
            return pp.Regex(_alternation(ws))

        def node(kind: str, expr: pp.ParserElement) -> pp.ParserElement:
            return pp.And([expr]).add_parse_action(lambda t: Node(kind, tuple(t))).set_name(kind)

        self.unit_pattern = re.compile(compound_unit_pattern(v))
        number_re = r"[+\-]?(?:\d{1,3}(?:,\d{3})+(?!\d)|\d+)(?:\.\d+)?"
        plain_number_re = r"[+\-]?\d+(?:\.\d+)?"
        compound_unit = compound_unit_pattern(v)

        number = term(pp.Regex(number_re), "number", "a number")
        plain_number = term(pp.Regex(plain_number_re), "number", "a number")
        unit = term(pp.Regex(compound_unit), "unit", "a unit")
        multiplier = term(words(v.multipliers), "multiplier", "万 or 亿", quiet=True)
        mark = term(words((*v.closed_marks, *v.open_marks)), "mark", "(含) or (不含)", quiet=True)
        comparator = term(words(v.comparators), "comparator", "a comparator such as ≥")
        suffix = term(words(v.suffixes), "suffix", "以上 or 以下", quiet=True)
        prefix = term(words(v.prefixes), "prefix", "控制在", quiet=True)
        dash = term(words(v.range_separators), "dash", "a range dash such as -", quiet=True)
        and_word = term(words(v.and_words), "and", "且", quiet=True)
        or_word = term(words(v.or_words), "or", "|", quiet=True)
        infinity = term(
            words((*v.infinity_positive, *v.infinity_negative)), "infinity", "∞", quiet=True
        )
        left = term(pp.Regex(r"[\[(]"), "left", "'[' or '('")
        right = term(pp.Regex(r"[\])]"), "right", "']' or ')'")
        comma = term(
            words((",", *v.range_separators)), "comma", "',' between the ends of an interval"
        )
        end = term(pp.StringEnd(), "end", "the end of the text")

        # unit_part = unit | multiplier [ unit ] ;
        unit_part = (unit | multiplier + pp.Opt(unit)).set_name("unit_part")
        # bound = number [ mark ] [ unit_part ] [ mark ] ;
        bound = node("bound", number + pp.Opt(mark) + pp.Opt(unit_part) + pp.Opt(mark))
        # endpoint = infinity | plain_number [ unit_part ] ;
        endpoint = node("endpoint", infinity | plain_number + pp.Opt(unit_part))
        # interval = left endpoint comma endpoint right [ unit ] ;
        interval = node("interval", left + endpoint + comma + endpoint + right + pp.Opt(unit))
        # comparison = comparator bound [ suffix ] [ mark ] ;
        comparison = node("comparison", comparator + bound + pp.Opt(suffix) + pp.Opt(mark))
        # range = bound dash bound ;
        range_ = node("range", bound + dash + bound)
        # suffixed = [ prefix ] bound suffix [ mark ] ;
        suffixed = node("suffixed", pp.Opt(prefix) + bound + suffix + pp.Opt(mark))
        # point = bound ;
        point = node("point", bound)
        # condition = interval | comparison | range | suffixed | point ;
        condition = (interval | comparison | range_ | suffixed | point).set_name("condition")
        # conjunction = condition { and condition } ;
        conjunction = node("all", condition + pp.ZeroOrMore(and_word + condition))
        # threshold = conjunction { or conjunction } end ;
        threshold = node("any", conjunction + pp.ZeroOrMore(or_word + conjunction)) + end
        threshold.set_name("threshold")
        threshold.set_whitespace_chars(_WHITE)
        for element in (bound, endpoint, interval, comparison, range_, suffixed, point):
            element.set_whitespace_chars(_WHITE)
        threshold.streamline()
        return threshold


def compound_unit_pattern(vocabulary: Vocabulary) -> str:
    """unit = unit_word [ "/" [ digits ] unit_word { "·" unit_word } ] ;

    The named groups ``top``, ``per`` and ``under`` split ``元/人·月`` and
    ``次/30秒`` into their parts.
    """
    word = _alternation(vocabulary.unit_words())
    return rf"(?P<top>{word})(?:/(?P<per>\d*)(?P<under>(?:{word})(?:[·・*](?:{word}))*))?"


def _start(s: str, loc: int) -> int:
    """Skip the whitespace pyparsing skips before a token."""
    while loc < len(s) and s[loc] in _WHITE:
        loc += 1
    return loc


# The order in which expected things are listed in an error message.
_NAME_ORDER: dict[str, int] = {
    name: i
    for i, name in enumerate(
        [
            "a comparator such as ≥",
            "a number",
            "'[' or '('",
            "∞",
            "万 or 亿",
            "a unit",
            "(含) or (不含)",
            "以上 or 以下",
            "控制在",
            "a range dash such as -",
            "',' between the ends of an interval",
            "']' or ')'",
            "且",
            "|",
            "the end of the text",
        ]
    )
}


def describe_expected(names: list[str]) -> str:
    """``a unit or the end of the text``; ``a, b or c``."""
    if not names:
        return "nothing more"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " or " + names[-1]
