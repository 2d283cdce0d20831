"""Rewrite the generated blocks of the kpi documentation.

The documentation quotes the threshold language instead of retyping it: the
grammar (``grammar/threshold.ebnf``), the vocabulary (``grammar/vocabulary.toml``),
the conformance cases (``grammar/cases.toml``), the error classes of
:mod:`kpi.errors` and the help of every command of ``kpi`` (docs/cli.md).
Each quotation lives between two HTML comments::

    <!-- generated: NAME -->
    ...
    <!-- end generated -->

and is rendered by the function registered under NAME in :data:`BLOCKS`.

Usage::

    python docs/generate.py           # rewrite every generated block in place
    python docs/generate.py --check   # exit 1 and list the blocks that are stale

Standard library and kpi only.
"""

from __future__ import annotations

import argparse
import functools
import inspect
import re
import sys
import tomllib
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GRAMMAR = ROOT / "grammar"
DOCS = ROOT / "docs"
PAGES: tuple[Path, ...] = (
    DOCS / "threshold-language.md",
    DOCS / "grading.md",
    DOCS / "rubrics.md",
    DOCS / "evaluation.md",
    DOCS / "cli.md",
)

BLOCK = re.compile(
    r"<!-- generated: (?P<name>[\w.-]+) -->\n(?P<body>.*?)<!-- end generated -->",
    re.DOTALL,
)
OPENING = re.compile(r"<!-- generated: (?P<name>[^ ]*) -->")
CLOSING = "<!-- end generated -->"

Renderer = Callable[[], str]
BLOCKS: dict[str, Renderer] = {}


def block(name: str) -> Callable[[Renderer], Renderer]:
    """Register a renderer for the block NAME."""

    def register(render: Renderer) -> Renderer:
        BLOCKS[name] = render
        return render

    return register


# ---------------------------------------------------------------- markdown


def code(text: str) -> str:
    """*text* as an inline code span that survives a table cell.

    The empty text is written *(empty)*; a text with white space at either
    end or an unprintable character is written as its Python repr, so that
    what the reader sees is what the cell holds.
    """
    if text == "":
        return "*(empty)*"
    shown = text
    if text != text.strip() or not text.isprintable():
        shown = repr(text)
    runs = [len(r) for r in re.findall("`+", shown)]
    ticks = "`" * (max(runs, default=0) + 1)
    pad = " " if shown.startswith("`") or shown.endswith("`") else ""
    shown = shown.replace("|", "\\|")
    return f"{ticks}{pad}{shown}{pad}{ticks}"


def words(items: Iterable[str]) -> str:
    """Words as code spans separated by spaces."""
    return " ".join(code(w) for w in items)


def prose(text: str) -> str:
    """*text* as plain table-cell text: markdown punctuation escaped."""
    return re.sub(r"([\\`*_\[\]<>|])", r"\\\1", text)


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """A GitHub-flavoured markdown table."""
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "|".join("---" for _ in header) + "|",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- sources


@functools.cache
def vocabulary() -> dict[str, Any]:
    """grammar/vocabulary.toml, read."""
    with (GRAMMAR / "vocabulary.toml").open("rb") as f:
        return tomllib.load(f)


@functools.cache
def cases() -> dict[str, Any]:
    """grammar/cases.toml, read."""
    path = GRAMMAR / "cases.toml"
    if not path.exists():
        raise FileNotFoundError(f"{path.relative_to(ROOT)} does not exist yet")
    with path.open("rb") as f:
        return tomllib.load(f)


# What each comparator and suffix kind means, in the canonical notation.
MEANING: Mapping[str, str] = {
    ">=": "`[x, +∞)` x itself included",
    ">": "`(x, +∞)` x itself excluded",
    "<=": "`(-∞, x]` x itself included",
    "<": "`(-∞, x)` x itself excluded",
    "=": "`[x, x]` x only",
}


# ---------------------------------------------------------------- blocks


@block("ebnf")
def render_ebnf() -> str:
    """grammar/threshold.ebnf, verbatim."""
    text = (GRAMMAR / "threshold.ebnf").read_text(encoding="utf-8").rstrip("\n")
    return f"```ebnf\n{text}\n```"


@block("vocabulary")
def render_vocabulary() -> str:
    """Every word class of the grammar with its words: the language at a glance."""
    v = vocabulary()
    units = [w for u in v["units"].values() for w in u["words"]]
    rows = [
        ("COMPARATOR", "[comparators]", [w for ws in v["comparators"].values() for w in ws]),
        ("SUFFIX", "[suffixes]", [w for ws in v["suffixes"].values() for w in ws]),
        ("PREFIX", "[prefixes]", v["prefixes"]["neutral"]),
        ("MARK", "[marks]", [*v["marks"]["closed"], *v["marks"]["open"]]),
        ("DASH", "[ranges]", v["ranges"]["separators"]),
        ("AND", "[conjunctions] and", v["conjunctions"]["and"]),
        ("OR", "[conjunctions] or", v["conjunctions"]["or"]),
        ("LEFT / RIGHT", "[brackets]", ["[", "(", "]", ")"]),
        ("INFINITY", "[infinity]", [*v["infinity"]["positive"], *v["infinity"]["negative"]]),
        ("MULTIPLIER", "[multipliers]", list(v["multipliers"])),
        ("UNIT_WORD", "[units.*]", units),
        ("UNIT_WORD (counting)", "[counting]", v["counting"]["words"]),
        ("EMPTY", "[empty]", v["empty"]["markers"]),
        ("(dropped at the end)", "[trailing]", v["trailing"]["punctuation"]),
    ]
    return table(
        ["class in the EBNF", "table in vocabulary.toml", "words"],
        ((name, f"`{where}`", words(ws)) for name, where, ws in rows),
    )


@block("vocabulary.comparators")
def render_comparators() -> str:
    """The comparator words by meaning."""
    return table(
        ["cell", "means", "words"],
        (
            ("*word* x", MEANING[kind], words(ws))
            for kind, ws in vocabulary()["comparators"].items()
        ),
    )


@block("vocabulary.suffixes")
def render_suffixes() -> str:
    """The suffix words by meaning, and the neutral prefixes."""
    v = vocabulary()
    rows = [("x*word*", MEANING[kind], words(ws)) for kind, ws in v["suffixes"].items()]
    rows.append(
        ("*word* x*suffix*", "neutral: the suffix decides", words(v["prefixes"]["neutral"]))
    )
    return table(["cell", "means", "words"], rows)


@block("vocabulary.marks")
def render_marks() -> str:
    """(含) and (不含) and their variants."""
    marks = vocabulary()["marks"]
    return table(
        ["mark", "sets the bound next to it", "words"],
        [
            ("(含)", "closed: the number itself belongs", words(marks["closed"])),
            ("(不含)", "open: the number itself does not belong", words(marks["open"])),
        ],
    )


@block("vocabulary.ranges")
def render_ranges() -> str:
    """The range separators."""
    return table(
        ["a*dash*b", "words"], [("range dash", words(vocabulary()["ranges"]["separators"]))]
    )


@block("vocabulary.multipliers")
def render_multipliers() -> str:
    """The multipliers 万 and 亿."""
    return table(
        ["multiplier", "multiplies the number before it by"],
        ((code(w), f"{int(f):,}") for w, f in vocabulary()["multipliers"].items()),
    )


@block("vocabulary.folds")
def render_folds() -> str:
    """The folds applied after NFKC."""
    return table(
        ["written", "read as", "code points"],
        (
            (code(a), code(b), f"U+{ord(a):04X} → U+{ord(b):04X}")
            for a, b in vocabulary()["fold"].items()
        ),
    )


@block("vocabulary.brackets")
def render_brackets() -> str:
    """Brackets of math intervals and the infinity words."""
    v = vocabulary()
    b = v["brackets"]
    inf = v["infinity"]
    return table(
        ["part", "words"],
        [
            ("closed end `[` `]`", words([*b["open_closed"], *b["close_closed"]])),
            ("open end `(` `)`", words([*b["open_open"], *b["close_open"]])),
            ("between the ends", words(b["separators"]) + " or a range dash"),
            ("+∞ (upper end only)", words(inf["positive"])),
            ("-∞ (lower end only)", words(inf["negative"])),
        ],
    )


@block("vocabulary.conjunctions")
def render_conjunctions() -> str:
    """The words that join conditions."""
    c = vocabulary()["conjunctions"]
    return table(
        ["joins", "means", "words"],
        [
            ("AND", "intersection: every condition holds", words(c["and"])),
            ("OR", "union: one condition holds", words(c["or"])),
        ],
    )


@block("vocabulary.units")
def render_units() -> str:
    """Every unit: its words, its dimension and its definition."""
    return table(
        ["unit", "words (the first is shown)", "dimension", "defined as (grammar/units.txt)"],
        (
            (f"`{uid}`", words(u["words"]), prose(u["dimension"]), f"`{u['pint']}`")
            for uid, u in vocabulary()["units"].items()
        ),
    )


@block("vocabulary.counting")
def render_counting() -> str:
    """The counting words."""
    c = vocabulary()["counting"]
    return f"{len(c['words'])} counting words, one dimension `{c['pint']}`: {words(c['words'])}"


@block("vocabulary.empty")
def render_empty() -> str:
    """The empty-cell markers and the dropped trailing punctuation."""
    v = vocabulary()
    return table(
        ["what", "words"],
        [
            ("an empty cell (the tier is not defined)", words(v["empty"]["markers"])),
            ("dropped from the end of a cell", words(v["trailing"]["punctuation"])),
        ],
    )


@block("vocabulary.refusals")
def render_refusals() -> str:
    """The texts refused on purpose."""
    return table(
        ["pattern (Python regex, searched)", "reason in the error message"],
        ((code(r["pattern"]), prose(r["reason"])) for r in vocabulary()["refusals"]),
    )


@block("vocabulary.scales")
def render_scales() -> str:
    """The ordered grade scales, best first."""
    return table(
        ["scale", "grades, best first", "English aliases"],
        (
            (f"`kpi.{s['name']}`", " > ".join(s["labels"]), words(s["aliases"]))
            for s in vocabulary()["scales"]
        ),
    )


def _groups(entries: Iterable[Mapping[str, Any]]) -> dict[str, list[Mapping[str, Any]]]:
    """Entries grouped by their ``form`` field, in order of first appearance."""
    groups: dict[str, list[Mapping[str, Any]]] = {}
    for entry in entries:
        groups.setdefault(str(entry.get("form", "other")), []).append(entry)
    return groups


@block("cases.accept")
def render_accepted() -> str:
    """The accepted conformance cases, one table per form."""
    accepted = cases().get("accept", [])
    groups = _groups(accepted)
    parts = [f"{len(accepted)} texts in {len(groups)} forms."]
    for form, entries in groups.items():
        rows = ((code(str(e["text"])), code(str(e["canonical"]))) for e in entries)
        parts.append(f"#### {form}\n\n" + table(["input", "canonical"], rows))
    return "\n\n".join(parts)


@block("cases.refuse")
def render_refused() -> str:
    """The refused conformance cases, one table per form (if they have one)."""
    refused = cases().get("refuse", [])
    groups = _groups(refused)
    parts = [f"{len(refused)} texts."]
    for form, entries in groups.items():
        rows = (
            (
                code(str(e["text"])),
                str(e["column"]),
                prose(str(e["reason"])) + (f" ({prose(str(e['hint']))})" if "hint" in e else ""),
            )
            for e in entries
        )
        heading = "" if list(groups) == ["other"] else f"#### {form}\n\n"
        parts.append(heading + table(["input", "column", "reason"], rows))
    return "\n\n".join(parts)


@block("errors")
def render_errors() -> str:
    """The error classes of kpi with their builtin bases and first doc line."""
    import kpi.errors

    classes = [
        cls
        for name in kpi.errors.__all__
        if isinstance(cls := getattr(kpi.errors, name), type) and issubclass(cls, Exception)
    ]
    classes.sort(key=lambda cls: (cls is not kpi.errors.KpiError, cls.__name__))
    rows = []
    for cls in classes:
        bases = ", ".join(f"`{b.__name__}`" for b in cls.__bases__)
        doc = " ".join((inspect.getdoc(cls) or "").split("\n\n")[0].split())
        # reST ``literals`` become code spans; the rest is prose.
        parts = re.split(r"``(.+?)``", doc)
        text = "".join(code(p) if i % 2 else prose(p) for i, p in enumerate(parts))
        rows.append((f"`kpi.{cls.__name__}`", bases, text))
    return table(["class", "derives from", "what it means"], rows)


# ---------------------------------------------------------------- rubrics


@block("header-words")
def render_header_words() -> str:
    """The header words of grammar/headers.toml, by role."""
    data = tomllib.loads((GRAMMAR / "headers.toml").read_text(encoding="utf-8"))
    return table(
        ["role", "header words"],
        ([code(role), words(t["words"])] for role, t in data["roles"].items()),
    )


@block("formats")
def render_formats() -> str:
    """The formats kpi.read_rubric reads, with their endings and extras."""
    from kpi.read import FORMATS

    extras = {"docx": "`kpi[docx]` (python-docx)", "xlsx": "`kpi[xlsx]` (openpyxl)"}
    extras["toml"] = "writing needs `kpi[toml]` (tomli-w)"
    return table(
        ["format", "file names", "needs"],
        ([code(f), words(e), extras.get(f, "nothing")] for f, e in FORMATS.items()),
    )


@block("lint-codes")
def render_lint_codes() -> str:
    """Every diagnostic code, its name and severity."""
    from kpi.diagnostics import Code

    return table(
        ["code", "name", "severity"],
        ([code(c.code), code(c.slug), c.severity.value] for c in Code),
    )


# ---------------------------------------------------------------- evaluation


@functools.cache
def scoring() -> dict[str, Any]:
    """grammar/scoring.toml, read."""
    with (GRAMMAR / "scoring.toml").open("rb") as f:
        return tomllib.load(f)


@block("actuals-header-words")
def render_actuals_header_words() -> str:
    """The header words of an actuals table, by role."""
    data = tomllib.loads((GRAMMAR / "headers.toml").read_text(encoding="utf-8"))
    needed = {"name": "yes", "value": "yes"}
    return table(
        ["role", "required", "header words"],
        (
            [code(role), needed.get(role, "no"), words(t["words"])]
            for role, t in data["actuals"].items()
        ),
    )


@block("direction-words")
def render_direction_words() -> str:
    """The words that make a bare target a maximum, and those that win over them."""
    words_of = scoring()["direction"]
    return table(
        ["list in grammar/scoring.toml", "a bare target is read as", "words"],
        [
            ("`[direction].lower`", "a maximum (lower-is-better)", words(words_of["lower"])),
            (
                "`[direction].higher`",
                "a minimum, even with a lower word",
                words(words_of["higher"]),
            ),
        ],
    )


@block("national-bands")
def render_national_bands() -> str:
    """The bands of 财预〔2020〕10号 as kpi reads them."""
    from kpi.national import national_bands

    bands = scoring()["national"]["bands"]
    indicator = national_bands()
    return table(
        ["grade", "band in grammar/scoring.toml", "read as"],
        (
            (grade, code(text), code(str(indicator.tiers[indicator.scale.from_label(grade)])))
            for grade, text in bands.items()
        ),
    )


@block("report-columns")
def render_report_columns() -> str:
    """The columns of the row and summary records of a report."""
    from kpi.output.records import ROW_COLUMNS, SUMMARY_COLUMNS

    return table(
        ["records", "columns, in order"],
        [
            ("a row of each indicator or actual (CSV, JSON `rows`, XLSX)", words(ROW_COLUMNS)),
            ("a department (JSON `departments`, XLSX `summary`)", words(SUMMARY_COLUMNS)),
        ],
    )


HELP_WIDTH = 100
"""The width the command line's help is rendered at, whatever the terminal."""


def _help(command: str | None = None) -> str:
    """The help text of ``kpi`` or of ``kpi COMMAND``, at :data:`HELP_WIDTH` columns."""
    import os

    from kpi.cli import build_parser

    saved = os.environ.get("COLUMNS")
    os.environ["COLUMNS"] = str(HELP_WIDTH)
    try:
        parser = build_parser()
        if command is not None:
            parser = _commands(parser)[command]
        return parser.format_help().rstrip()
    finally:
        if saved is None:
            del os.environ["COLUMNS"]
        else:
            os.environ["COLUMNS"] = saved


def _commands(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    """The subcommands of *parser* by name."""
    for action in parser._actions:  # argparse has no public way to list subparsers
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


@block("cli")
def render_cli() -> str:
    """`kpi --help`, from kpi.cli.build_parser."""
    return f"```text\n$ kpi --help\n{_help()}\n```"


def _command_block(name: str) -> Renderer:
    def render() -> str:
        return f"```text\n$ kpi {name} --help\n{_help(name)}\n```"

    render.__doc__ = f"`kpi {name} --help`, from kpi.cli.build_parser."
    return render


def _register_commands() -> None:
    """A block ``cli.NAME`` for every command of ``kpi``: a new command
    without its block in docs/cli.md is then reported by :func:`stale`."""
    from kpi.cli import build_parser

    for name in _commands(build_parser()):
        block(f"cli.{name}")(_command_block(name))


_register_commands()


# ---------------------------------------------------------------- rewriting


def render(name: str) -> str:
    """The body of block NAME, between its two markers."""
    return "\n" + BLOCKS[name]().strip("\n") + "\n\n"


def regenerate(text: str, where: str = "") -> tuple[str, list[str]]:
    """*text* with every generated block rendered afresh, and the problems
    found (an unknown block name, a marker left open)."""
    problems: list[str] = []
    for found in OPENING.finditer(text):
        if found["name"] not in BLOCKS:
            problems.append(f"{where}: unknown generated block {found['name']!r}")
    if text.count(CLOSING) != len(OPENING.findall(text)):
        problems.append(f"{where}: every '<!-- generated: NAME -->' needs one '{CLOSING}'")

    def replace(found: re.Match[str]) -> str:
        name = found["name"]
        if name not in BLOCKS:
            return found.group()
        try:
            body = render(name)
        except (OSError, KeyError, tomllib.TOMLDecodeError) as exc:
            problems.append(f"{where}: cannot render {name!r}: {exc!r}")
            return found.group()
        return f"<!-- generated: {name} -->\n{body}{CLOSING}"

    return BLOCK.sub(replace, text), problems


def stale(pages: Sequence[Path] = PAGES) -> list[str]:
    """Every block of *pages* that differs from what it would be rendered as,
    every problem with the markers, and every renderer no page uses."""
    out: list[str] = []
    used: set[str] = set()
    for page in pages:
        where = str(page.relative_to(ROOT))
        if not page.exists():
            out.append(f"{where}: missing")
            continue
        text = page.read_text(encoding="utf-8")
        fresh, problems = regenerate(text, where)
        out += problems
        old = {m["name"]: m["body"] for m in BLOCK.finditer(text)}
        new = {m["name"]: m["body"] for m in BLOCK.finditer(fresh)}
        used.update(old)
        out += [f"{where}: {name}" for name in old if old[name] != new.get(name)]
    out += [f"no page uses the block {name!r}" for name in BLOCKS if name not in used]
    return out


def check() -> list[str]:
    """What ``--check`` reports: an empty list when the docs are up to date."""
    return stale(PAGES)


def write(pages: Sequence[Path] = PAGES) -> tuple[list[str], list[str]]:
    """Rewrite the generated blocks of *pages*: the pages changed, and the
    problems found (blocks with a problem are left as they were)."""
    changed: list[str] = []
    problems: list[str] = []
    for page in pages:
        if not page.exists():
            problems.append(f"{page.relative_to(ROOT)}: missing")
            continue
        text = page.read_text(encoding="utf-8")
        fresh, found = regenerate(text, str(page.relative_to(ROOT)))
        problems += found
        if fresh != text:
            page.write_text(fresh, encoding="utf-8")
            changed.append(str(page.relative_to(ROOT)))
    return changed, problems


def main(argv: Sequence[str] | None = None) -> int:
    """The command line: rewrite, or ``--check``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument(
        "--check", action="store_true", help="list stale blocks and exit 1 if there are any"
    )
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for line in problems:
            print(f"stale: {line}")
        return 1 if problems else 0
    changed, problems = write()
    for page in changed:
        print(f"rewrote {page}")
    for line in problems:
        print(f"error: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
