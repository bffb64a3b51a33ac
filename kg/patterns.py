"""Load the pattern and reference tables shipped under kg/data/ (read once, cached)."""
from __future__ import annotations

import csv
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
