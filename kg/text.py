"""Which parts of an article are news (boilerplate removed) and where its sentences are."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from kg.patterns import read_table

ABBREVIATIONS = (
    "Mr Mrs Ms Dr Gen Lt Col Maj Capt Sgt Cpl Pvt Adm Brig Cmdr Gov Sen Rep St Mt Ft No Jan Feb Mar Apr "
    "Jun Jul Aug Sep Sept Oct Nov Dec approx est vs etc Inc Ltd Co Jr Sr"
).split()


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    text: str
    paragraph: int


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[list[re.Pattern[str]], list[re.Pattern[str]]]:
    cut, drop = [], []
    for action, pattern in read_table("boilerplate.tsv"):
        (cut if action == "cut" else drop).append(re.compile(pattern, re.IGNORECASE))
    return cut, drop


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty line of news, boilerplate left out."""
    cut, drop = _boilerplate()
    spans = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if not line.strip():
            continue
        if any(p.search(line) for p in cut):
            break
        if any(p.search(line) for p in drop):
            continue
        start = m.start() + len(line) - len(line.lstrip())
        spans.append((start, m.start() + len(line.rstrip())))
    return spans


_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[“\"‘(\[]?[A-Z0-9А-Я])")


def _ends_with_abbreviation(chunk: str) -> bool:
    word = re.search(r"(\b[\w.]+)\.[\"”’)]*$", chunk)
    if not word:
        return False
    token = word.group(1)
    return token in ABBREVIATIONS or len(token) == 1 or bool(re.fullmatch(r"(?:[A-Z]\.)+[A-Z]?", token))


def sentences(text: str) -> list[Sentence]:
    """Sentences of the news part of ``text``, with offsets into ``text``."""
    found = []
    for number, (p_start, p_end) in enumerate(paragraphs(text)):
        start = p_start
        for m in _BOUNDARY.finditer(text, p_start, p_end):
            chunk = text[start:m.start()]
            if _ends_with_abbreviation(text[start:m.end()].rstrip()):
                continue
            found.append(Sentence(start, start + len(chunk), chunk, number))
            start = m.end()
        if start < p_end:
            found.append(Sentence(start, p_end, text[start:p_end], number))
    return found
