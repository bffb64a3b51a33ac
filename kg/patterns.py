"""Load the pattern and reference tables shipped under kg/data/ (read once, cached)."""
from __future__ import annotations

import csv
import re
from functools import cache
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("kg") / "data"))


def data_path(name: str) -> Path:
    return DATA / name


@cache
def read_table(name: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table under data/patterns/, without comments and blank lines."""
    rows = []
    for line in (DATA / "patterns" / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            rows.append(tuple(cell.strip() for cell in line.split("\t")))
    return tuple(rows)


@cache
def read_lines(name: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a list under data/patterns/."""
    lines = (DATA / "patterns" / name).read_text(encoding="utf-8").splitlines()
    return tuple(s.strip() for s in lines if s.strip() and not s.lstrip().startswith("#"))


@cache
def read_csv(name: str) -> tuple[dict[str, str], ...]:
    """Rows of a CSV file under data/, as dicts keyed by the header."""
    with (DATA / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))


def required_words(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings one of which every match of ``pattern`` contains ("refus" for r"\\brefus(?:e|ed)"), or
    None when no such set of at least three characters each can be read off it. A cheap test (``in`` on the
    lower-cased text) that tells which patterns cannot match a sentence, so they need not be run."""
    import re._constants as c
    import re._parser as parser

    def required(items) -> frozenset[str] | None:  # noqa: ANN001 - a parsed (sub)pattern
        options: list[frozenset[str]] = []
        run: list[str] = []

        def flush() -> None:
            if run:
                options.append(frozenset({"".join(run).lower()}))
                run.clear()

        for op, av in items:
            if op is c.LITERAL:
                run.append(chr(av))
                continue
            flush()
            found = None
            if op is c.SUBPATTERN:
                found = required(av[3])
            elif op is c.BRANCH:
                alternatives = [required(a) for a in av[1]]
                if all(alternatives):
                    found = frozenset().union(*alternatives)
            elif op in (c.MAX_REPEAT, c.MIN_REPEAT, c.POSSESSIVE_REPEAT) and av[0] >= 1:
                found = required(av[2])
            if found:
                options.append(found)
        flush()
        usable = [o for o in options if min(map(len, o)) >= 3]
        return max(usable, key=lambda o: (min(map(len, o)), -len(o))) if usable else None

    try:
        return required(parser.parse(pattern, flags))
    except Exception:  # noqa: BLE001 - an unusual pattern simply gets no filter
        return None


def words_test(words: frozenset[str] | None) -> re.Pattern[str] | None:
    """One pattern that finds any of ``words`` in lower-cased text (None for no words: always run)."""
    if words is None:
        return None
    return re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)))
